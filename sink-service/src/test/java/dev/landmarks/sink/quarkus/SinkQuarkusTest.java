package dev.landmarks.sink.quarkus;

import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.testing.PrometheusSamples;
import dev.landmarks.common.quarkus.testing.RawKafka;
import dev.landmarks.common.quarkus.testing.ShellClient;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.landmarks.common.quarkus.testing.RawKafka.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink shell on a real in-process broker: readiness UP, then three results (RECOGNIZED, NO_LANDMARK naming an
 * unverified candidate, FAILED) and a later duplicate of the first are published; the submission file gets exactly
 * one row per id, the first result winning, and /q/metrics counts them by status, the duplicate and the writes.
 */
@QuarkusTest
@WithTestResource(SinkKafkaResource.class)
class SinkQuarkusTest {
    private static final String EXPECTED = "id,landmarks\na,123 0.75\nb,456 0.125\nc,\n";

    @TestHTTPResource("/")
    URI root;

    @Test
    void readyThenWritesOneRowPerIdAndCountsEveryResult() throws Exception {
        ShellClient app = new ShellClient(root, SinkShell.SERVICE);
        String readiness = app.awaitReadyAndLive().body();
        assertTrue(readiness.contains("sink topic, folder and loop"), readiness);

        RawKafka kafka = RawKafka.ofShellUnderTest();
        kafka.send(result("a", Result.newBuilder().setStatus(Result.Status.RECOGNIZED).setLandmarkId("123")
                        .setScore(0.75f)),
                result("b", Result.newBuilder().setStatus(Result.Status.NO_LANDMARK).setUnverifiedLandmarkId("456")
                        .setUnverifiedScore(0.125f)),
                result("c", Result.newBuilder().setStatus(Result.Status.FAILED)
                        .setFailureReason(FailureReason.NOT_FOUND)),
                result("a", Result.newBuilder().setStatus(Result.Status.RECOGNIZED).setLandmarkId("999")
                        .setScore(0.99f)));

        Path out = Path.of(ConfigProvider.getConfig().getValue(SinkKafkaResource.OUT, String.class));
        PrometheusSamples samples = app.awaitMetrics(m -> m.value("landmarks_sink_duplicates_total", Map.of())
                .orElse(0) == 1);
        assertEquals(EXPECTED, awaitFile(out));
        for (String status : new String[] {"RECOGNIZED", "NO_LANDMARK", "FAILED"}) {
            assertEquals(1.0, samples.require("landmarks_sink_results_total", Map.of("status", status)), status);
        }
        assertEquals(0.0, samples.require("landmarks_sink_results_total", Map.of("status", "STATUS_UNSPECIFIED")));
        assertEquals(0.0, samples.require("landmarks_sink_unreadable_total", Map.of()));

        PrometheusSamples written = app.awaitMetrics(m -> m.value("landmarks_sink_file_writes_total", Map.of())
                .orElse(0) >= 1);
        double lastWrite = written.require("landmarks_sink_last_write_seconds", Map.of());
        assertTrue(lastWrite > 0 && lastWrite <= System.currentTimeMillis() / 1000.0 + 1, "last write " + lastWrite);
    }

    private static ProducerRecord<byte[], byte[]> result(String id, Result.Builder result) {
        return new ProducerRecord<>(Topics.RESULTS.name(), bytes(id), result.setImageId(id).build().toByteArray());
    }

    /** Waits until the file the sink rewrites holds all three rows; returns its text. */
    private static String awaitFile(Path out) throws Exception {
        long end = System.nanoTime() + ShellClient.DEADLINE.toNanos();
        String text = "";
        while (System.nanoTime() < end) {
            if (Files.isRegularFile(out)) {
                text = Files.readString(out);
                if (text.equals(EXPECTED)) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        return text;
    }
}
