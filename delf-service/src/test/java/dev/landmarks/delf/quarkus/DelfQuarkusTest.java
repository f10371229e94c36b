package dev.landmarks.delf.quarkus;

import com.google.protobuf.ByteString;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.testing.BatchOutcomes;
import dev.landmarks.common.quarkus.testing.PrometheusSamples;
import dev.landmarks.common.quarkus.testing.RawKafka;
import dev.landmarks.common.quarkus.testing.ShellClient;
import dev.landmarks.delf.SampleData;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

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

    @ConfigProperty(name = InProcessKafkaResource.BOOTSTRAP_SERVERS)
    String bootstrapServers;
    @TestHTTPResource("/")
    URI root;

    @Test
    void readyThenExtractsFeaturesAndCountsEveryOutcome() throws Exception {
        ShellClient app = new ShellClient(root, DelfShell.SERVICE);
        HttpResponse<String> readiness = app.awaitReady();
        assertTrue(readiness.body().contains("\"extractor\": \"rootsift"), readiness.body());
        assertEquals(200, app.live().statusCode());

        Image photo = Image.newBuilder().setImageId("photo-1").setSourceUrl(PHOTO)
                .setData(ByteString.copyFrom(Files.readAllBytes(SampleData.path(PHOTO)))).build();
        Image junk = Image.newBuilder().setImageId("junk-1").setData(ByteString.copyFromUtf8("not a picture")).build();
        RawKafka kafka = new RawKafka(bootstrapServers);
        kafka.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("photo-1"), photo.toByteArray()),
                new ProducerRecord<>(Topics.IMAGES.name(), bytes("junk-1"), junk.toByteArray()),
                // a length-delimited field that claims 127 bytes and has none: no protobuf parser reads it
                new ProducerRecord<>(Topics.IMAGES.name(), bytes("garbage-1"), new byte[] {0x0A, 0x7F}));

        List<ConsumerRecord<byte[], byte[]>> features = kafka.readCommitted(Topics.FEATURES.name(), 1);
        assertEquals(1, features.size());
        LocalFeatures f = LocalFeatures.parseFrom(features.get(0).value());
        assertEquals("photo-1", f.getImageId());
        assertTrue(f.getXCount() > 100, f.getXCount() + " keypoints");
        assertTrue(f.getExtractor().startsWith("rootsift"), f.getExtractor());
        List<ConsumerRecord<byte[], byte[]>> results = kafka.readCommitted(Topics.RESULTS.name(), 1);
        assertEquals(1, results.size());
        Result failed = Result.parseFrom(results.get(0).value());
        assertEquals("junk-1", failed.getImageId());
        assertEquals(FailureReason.PROCESSING_ERROR, failed.getFailureReason());
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.readCommitted(Topics.DEAD_LETTERS.name(), 1);
        assertEquals(1, dead.size());
        assertEquals("garbage-1", RawKafka.text(dead.get(0).key()));
        assertNotNull(dead.get(0).headers().lastHeader(DeadLetters.HEADER_ERROR));

        PrometheusSamples exposed = app.awaitMetrics(m -> BatchOutcomes.allCounted(m, Topics.IMAGES.name()));
        BatchOutcomes.assertOneOfEach(exposed, Topics.IMAGES.name(), Topics.FEATURES.name(), "PROCESSING_ERROR");
    }
}
