package dev.landmarks.classifier.quarkus;

import com.google.protobuf.ByteString;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.testing.BatchOutcomes;
import dev.landmarks.common.quarkus.testing.RawKafka;
import dev.landmarks.common.quarkus.testing.ShellClient;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.LocalFeatures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static dev.landmarks.common.quarkus.testing.RawKafka.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classifier shell on a real in-process broker with the weight-free retrieval generator over a reference index
 * of sample photos (filled by {@link InProcessKafkaResource}): readiness UP once the index is loaded, then a held-out
 * photo of the Graffiti scene gets candidates led by opencv_graf, features that cannot be decoded a FAILED result,
 * and a record that is no LocalFeatures at all a dead letter; /q/metrics counts exactly those.
 */
@QuarkusTest
@WithTestResource(InProcessKafkaResource.class)
class ClassifierQuarkusTest {
    /** sample/solution.csv: this test photo shows opencv_graf. */
    private static final String QUERY = "test/1b940c2c54944a53.png";

    @TestHTTPResource("/")
    URI root;

    @Test
    void readyWithTheIndexThenProposesCandidatesAndCountsEveryOutcome() throws Exception {
        ShellClient app = new ShellClient(root, ClassifierShell.SERVICE);
        String readiness = app.awaitReadyAndLive().body();
        assertTrue(readiness.contains("\"generator\": \"retrieval\""), readiness);
        assertTrue(readiness.contains(Topics.REFERENCES.name()), readiness);

        LocalFeatures query = FeaturesCodec.toProto(SamplePhotos.features(QUERY), DescriptorEncoding.INT8)
                .setImageId("query-1").build();
        // descriptor bytes without an encoding: readable as a message, not decodable as features
        LocalFeatures broken = LocalFeatures.newBuilder().setImageId("broken-1").setDescriptorDim(2)
                .addX(1).addY(1).setDescriptors(ByteString.copyFrom(new byte[] {1, 2})).build();
        RawKafka kafka = RawKafka.ofShellUnderTest();
        kafka.send(new ProducerRecord<>(Topics.FEATURES.name(), bytes("query-1"), query.toByteArray()),
                new ProducerRecord<>(Topics.FEATURES.name(), bytes("broken-1"), broken.toByteArray()),
                // a length-delimited field that claims 127 bytes and has none: no protobuf parser reads it
                new ProducerRecord<>(Topics.FEATURES.name(), bytes("garbage-1"), new byte[] {0x0A, 0x7F}));

        BatchOutcomes.Published out = BatchOutcomes.read(kafka, Topics.PREDICTIONS.name());
        Candidates candidates = Candidates.parseFrom(out.answer().value());
        assertEquals("query-1", candidates.getImageId());
        assertEquals("opencv_graf", candidates.getCandidates(0).getLandmarkId(), candidates.toString());
        assertTrue(candidates.getModelId().startsWith("retrieval:"), candidates.getModelId());
        assertEquals("broken-1", out.failed().getImageId());
        assertEquals(FailureReason.PROCESSING_ERROR, out.failed().getFailureReason());
        assertEquals("garbage-1", RawKafka.text(out.deadLetter().key()));

        BatchOutcomes.assertCounted(app, Topics.FEATURES.name(), Topics.PREDICTIONS.name(), "PROCESSING_ERROR");
    }
}
