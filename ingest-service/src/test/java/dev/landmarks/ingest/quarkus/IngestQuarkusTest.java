package dev.landmarks.ingest.quarkus;

import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.testing.BatchOutcomes;
import dev.landmarks.common.quarkus.testing.PrometheusSamples;
import dev.landmarks.common.quarkus.testing.RawKafka;
import dev.landmarks.common.quarkus.testing.ShellClient;
import dev.landmarks.ingest.SampleData;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
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
import java.util.List;
import java.util.Map;

import static dev.landmarks.common.quarkus.testing.RawKafka.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest shell on a real in-process broker: readiness UP, then three requests (a sample photo by file: URL, a
 * missing file, a record with neither key nor value) come out as one Image, one FAILED result and one dead letter,
 * and /q/metrics counts exactly those.
 */
@QuarkusTest
@WithTestResource(InProcessKafkaResource.class)
class IngestQuarkusTest {
    private static final String PHOTO = "train/sacre_coeur/1054b7e1d15a7ef7.jpg";

    @ConfigProperty(name = InProcessKafkaResource.BOOTSTRAP_SERVERS)
    String bootstrapServers;
    @TestHTTPResource("/")
    URI root;

    @Test
    void readyThenIngestsAPhotoAndCountsEveryOutcome() throws Exception {
        ShellClient app = new ShellClient(root, IngestShell.SERVICE);
        HttpResponse<String> readiness = app.awaitReady();
        assertTrue(readiness.body().contains("ingest topics and loop"), readiness.body());
        assertTrue(readiness.body().contains("\"phase\": \"RUNNING\""), readiness.body());
        assertEquals(200, app.live().statusCode());

        RawKafka kafka = new RawKafka(bootstrapServers);
        kafka.send(new ProducerRecord<>(Topics.REQUESTS.name(), bytes("photo-1"),
                        bytes(SampleData.photo(PHOTO).toUri().toString())),
                new ProducerRecord<>(Topics.REQUESTS.name(), bytes("missing-1"),
                        bytes(SampleData.photo("train/no-such-photo.jpg").toUri().toString())),
                new ProducerRecord<>(Topics.REQUESTS.name(), null, null));

        List<ConsumerRecord<byte[], byte[]>> images = kafka.readCommitted(Topics.IMAGES.name(), 1);
        assertEquals(1, images.size());
        Image image = Image.parseFrom(images.get(0).value());
        assertEquals("photo-1", image.getImageId());
        assertTrue(image.getWidth() > 0 && image.getData().size() > 0, image.getWidth() + " px");
        List<ConsumerRecord<byte[], byte[]>> results = kafka.readCommitted(Topics.RESULTS.name(), 1);
        assertEquals(1, results.size());
        Result failed = Result.parseFrom(results.get(0).value());
        assertEquals("missing-1", failed.getImageId());
        assertEquals(Result.Status.FAILED, failed.getStatus());
        assertEquals(FailureReason.FILE_NOT_FOUND, failed.getFailureReason());
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.readCommitted(Topics.DEAD_LETTERS.name(), 1);
        assertEquals(1, dead.size());
        assertEquals("ingest", RawKafka.text(dead.get(0).headers().lastHeader(DeadLetters.HEADER_STAGE).value()));

        PrometheusSamples exposed = app.awaitMetrics(m -> BatchOutcomes.allCounted(m, Topics.REQUESTS.name()));
        BatchOutcomes.assertOneOfEach(exposed, Topics.REQUESTS.name(), Topics.IMAGES.name(), "FILE_NOT_FOUND");
        assertFalse(exposed.value("landmarks_batch_failures_total", Map.of("reason", "NOT_AN_IMAGE")).isPresent());
    }
}
