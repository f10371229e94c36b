package dev.landmarks.sink.quarkus;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell's shutdown, without booting Quarkus (its observers called as Quarkus would, on a real broker): with a
 * write interval far longer than the test, results that arrived after the first write reach the file only through
 * the last write that the ShutdownEvent waits for.
 */
@Timeout(120)
class SinkShellStopTest {
    /** Bound on how long the test waits for the sink; a slow machine waits longer, never passes wrongly. */
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void stoppingWritesTheResultsThatArrivedSinceTheLastWrite() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            kafka.createTopics(Topics.ALL);
            Path out = dir.resolve("submission.csv");
            Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                    "landmarks.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "landmarks.sink.out", out.toString(),
                    "landmarks.sink.write-interval", "60m",
                    "landmarks.sink.poll-timeout", "100ms"), "test", 500)).build();
            MeterRegistry registry = new SimpleMeterRegistry();
            SinkShell shell = new SinkShell(config, registry);
            shell.onStart(null);
            await(() -> Files.isRegularFile(out), "the first write");
            assertEquals(List.of("id,landmarks"), Files.readAllLines(out));

            publish(kafka, "a", Result.newBuilder().setImageId("a").setStatus(Result.Status.RECOGNIZED)
                    .setLandmarkId("123").setScore(0.75f).build());
            publish(kafka, "b", Result.newBuilder().setImageId("b").setStatus(Result.Status.FAILED)
                    .setFailureReason(FailureReason.NOT_FOUND).build());
            await(() -> count(registry, "landmarks.sink.results", "RECOGNIZED") == 1
                    && count(registry, "landmarks.sink.results", "FAILED") == 1, "both results read");
            assertEquals(List.of("id,landmarks"), Files.readAllLines(out), "the write interval has not passed");
            assertTrue(shell.running());

            shell.onStop(null);
            assertEquals(List.of("id,landmarks", "a,123 0.75", "b,"), Files.readAllLines(out));
            assertEquals(2.0, registry.get("landmarks.sink.file.writes").functionCounter().count());
            assertTrue(!shell.running() && shell.failure() == null);
        }
    }

    private static double count(MeterRegistry registry, String name, String status) {
        FunctionCounter c = registry.get(name).tag("status", status).functionCounter();
        return c.count();
    }

    private static void publish(InProcessKafka kafka, String key, Result result) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RESULTS.name(), key, result.toByteArray()));
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        long end = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never happened: " + what);
    }
}
