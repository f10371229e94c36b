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
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
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

    @TestHTTPResource("/")
    URI root;

    @Test
    void readyThenIngestsAPhotoAndCountsEveryOutcome() throws Exception {
        ShellClient app = new ShellClient(root, IngestShell.SERVICE);
        String readiness = app.awaitReadyAndLive().body();
        assertTrue(readiness.contains("ingest topics and loop"), readiness);
        assertTrue(readiness.contains("\"phase\": \"RUNNING\""), readiness);

        RawKafka kafka = RawKafka.ofShellUnderTest();
        String photoUrl = SampleData.photo(PHOTO).toUri().toString();
        String missingUrl = SampleData.photo("train/no-such-photo.jpg").toUri().toString();
        kafka.send(new ProducerRecord<>(Topics.REQUESTS.name(), bytes("photo-1"), bytes(photoUrl)),
                new ProducerRecord<>(Topics.REQUESTS.name(), bytes("missing-1"), bytes(missingUrl)),
                new ProducerRecord<>(Topics.REQUESTS.name(), null, null));

        BatchOutcomes.Published out = BatchOutcomes.read(kafka, Topics.IMAGES.name());
        Image image = Image.parseFrom(out.answer().value());
        assertEquals("photo-1", image.getImageId());
        assertTrue(image.getWidth() > 0 && image.getData().size() > 0, image.getWidth() + " px");
        assertEquals("missing-1", out.failed().getImageId());
        assertEquals(FailureReason.FILE_NOT_FOUND, out.failed().getFailureReason());
        assertEquals("ingest", RawKafka.text(out.deadLetter().headers().lastHeader(DeadLetters.HEADER_STAGE).value()));

        PrometheusSamples exposed = BatchOutcomes.assertCounted(app, Topics.REQUESTS.name(), Topics.IMAGES.name(),
                "FILE_NOT_FOUND");
        assertFalse(exposed.value("landmarks_batch_failures_total", Map.of("reason", "NOT_AN_IMAGE")).isPresent());
    }
}
