package dev.landmarks.delf.quarkus;

import com.google.protobuf.ByteString;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.testing.BatchOutcomes;
import dev.landmarks.common.quarkus.testing.RawKafka;
import dev.landmarks.common.quarkus.testing.ShellClient;
import dev.landmarks.delf.SampleData;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.LocalFeatures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;

import static dev.landmarks.common.quarkus.testing.RawKafka.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delf shell on a real in-process broker with the RootSIFT extractor: readiness UP (extractor loaded), then a
 * sample photo becomes LocalFeatures, an Image whose bytes are no picture a FAILED result, and a record that is no
 * Image at all a dead letter; /q/metrics counts exactly those.
 */
@QuarkusTest
@WithTestResource(InProcessKafkaResource.class)
class DelfQuarkusTest {
    private static final String PHOTO = "train/sacre_coeur/1054b7e1d15a7ef7.jpg";

    @TestHTTPResource("/")
    URI root;

    @Test
    void readyThenExtractsFeaturesAndCountsEveryOutcome() throws Exception {
        ShellClient app = new ShellClient(root, DelfShell.SERVICE);
        String readiness = app.awaitReadyAndLive().body();
        assertTrue(readiness.contains("\"extractor\": \"rootsift"), readiness);

        Image photo = Image.newBuilder().setImageId("photo-1").setSourceUrl(PHOTO)
                .setData(ByteString.copyFrom(Files.readAllBytes(SampleData.path(PHOTO)))).build();
        Image junk = Image.newBuilder().setImageId("junk-1").setData(ByteString.copyFromUtf8("not a picture")).build();
        RawKafka kafka = RawKafka.ofShellUnderTest();
        kafka.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("photo-1"), photo.toByteArray()),
                new ProducerRecord<>(Topics.IMAGES.name(), bytes("junk-1"), junk.toByteArray()),
                // a length-delimited field that claims 127 bytes and has none: no protobuf parser reads it
                new ProducerRecord<>(Topics.IMAGES.name(), bytes("garbage-1"), new byte[] {0x0A, 0x7F}));

        BatchOutcomes.Published out = BatchOutcomes.read(kafka, Topics.FEATURES.name());
        LocalFeatures features = LocalFeatures.parseFrom(out.answer().value());
        assertEquals("photo-1", features.getImageId());
        assertTrue(features.getXCount() > 100, features.getXCount() + " keypoints");
        assertTrue(features.getExtractor().startsWith("rootsift"), features.getExtractor());
        assertEquals("junk-1", out.failed().getImageId());
        assertEquals(FailureReason.PROCESSING_ERROR, out.failed().getFailureReason());
        assertEquals("garbage-1", RawKafka.text(out.deadLetter().key()));
        assertNotNull(out.deadLetter().headers().lastHeader(DeadLetters.HEADER_ERROR));

        BatchOutcomes.assertCounted(app, Topics.IMAGES.name(), Topics.FEATURES.name(), "PROCESSING_ERROR");
    }
}
