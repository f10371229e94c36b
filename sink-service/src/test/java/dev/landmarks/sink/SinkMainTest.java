package dev.landmarks.sink;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compose sink on a real (in-process) broker: it follows landmark.results, keeps the submission file current
 * while running (results published after it started included), keeps the first result per id, skips unreadable
 * records, and writes the file once more when stopped.
 */
@Timeout(120)
class SinkMainTest {
    /** Bound on how long the test waits for the sink to see records; a slow machine waits longer, never passes wrongly. */
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void keepsTheSubmissionCurrentAndWritesItOnStop() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            Path out = dir.resolve("out/submission.csv");
            SinkMain.Config config = SinkMain.Config.from(Settings.of(Map.of(
                    "kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "sink.out", out.toString(),
                    "sink.write-interval", "100ms",
                    "sink.poll-timeout", "100ms")));
            // the broker does not auto-create topics: a producer would wait for landmark.results
            kafka.createTopics(Topics.ALL);
            publish(kafka, "a", recognized("a", "123", 0.75f).toByteArray());
            SubmissionSink sink = new SubmissionSink();
            CountDownLatch stop = new CountDownLatch(1);
            CompletableFuture<SinkSummary> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return SinkMain.run(config, sink, stop);
                } catch (java.io.IOException e) {
                    throw new CompletionException(e);
                }
            });
            try {
                awaitRow(out, "a,123 0.75");
                publish(kafka, "b", Result.newBuilder().setImageId("b").setStatus(Result.Status.FAILED)
                        .setFailureReason(FailureReason.NOT_FOUND).build().toByteArray());
                publish(kafka, "a", recognized("a", "999", 0.99f).toByteArray());
                publish(kafka, "junk", "not a result".getBytes(StandardCharsets.UTF_8));
                awaitRow(out, "b,");
            } finally {
                stop.countDown();
            }
            SinkSummary summary = running.get(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(List.of("id,landmarks", "a,123 0.75", "b,"), Files.readAllLines(out));
            assertEquals(2, summary.ids());
            assertEquals(1, summary.duplicates(), "the second result for a is a duplicate and ignored");
        }
    }

    @Test
    void needsABroker() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SinkMain.Config.from(Settings.of(Map.of())));
        assertTrue(e.getMessage().contains("LANDMARKS_KAFKA_BOOTSTRAP_SERVERS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SinkMain.Config.from(Settings.of(Map.of(
                SinkMain.Config.BOOTSTRAP_SERVERS, "localhost:1", "sink.write-interval", "0s"))));
        assertEquals(Path.of("submission.csv"), SinkMain.Config.from(Settings.of(Map.of(
                SinkMain.Config.BOOTSTRAP_SERVERS, "localhost:1"))).out());
    }

    private static Result recognized(String id, String landmark, float score) {
        return Result.newBuilder().setImageId(id).setStatus(Result.Status.RECOGNIZED).setLandmarkId(landmark)
                .setScore(score).build();
    }

    private static void publish(InProcessKafka kafka, String key, byte[] value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RESULTS.name(), key, value));
        }
    }

    /** Waits until the file the sink rewrites while running has the row. */
    private static void awaitRow(Path out, String row) throws Exception {
        long end = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            if (Files.isRegularFile(out) && Files.readAllLines(out).contains(row)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sink did not write '" + row + "' into " + out);
    }
}
