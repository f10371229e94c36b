package dev.landmarks.common.quarkus;

import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.BrokerExtension;
import dev.landmarks.common.kafka.LoopConfig;
import dev.landmarks.common.service.TopicsProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN;
import static org.eclipse.microprofile.health.HealthCheckResponse.Status.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared shell lifecycle and its health answers on a real broker: start, count, stop and release; a loop that
 * dies and a background build that fails both end the process with status 1; a shutdown during a build closes the
 * unused stage; readiness names what is missing.
 */
class BatchShellLifecycleTest {
    /** Bound on each wait; a slow machine waits longer, never passes wrongly. */
    private static final long WAIT_SECONDS = 60;
    @RegisterExtension
    static final BrokerExtension broker = new BrokerExtension();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Exit statuses the lifecycle asked for (the test's stand-in for Quarkus.asyncExit). */
    private final LinkedBlockingQueue<Integer> exits = new LinkedBlockingQueue<>();
    private final BatchShellLifecycle lifecycle = new BatchShellLifecycle("test", registry, exits::add);

    @Test
    void runsTheStageCountsCommittedRecordsAndReleasesItOnStop() throws Exception {
        String in = createTopics("run.in", "run.out");
        CountDownLatch released = new CountDownLatch(1);
        Map<String, String> details = new HashMap<>();
        details.put("extractor", null);
        try (BatchShellHealth health = health(List.of(in, "run.out"), () -> details)) {
            assertEquals(UP, health.liveness().getStatus(), "building is alive");
            assertData(health.liveness(), "phase", "LOADING");
            HealthCheckResponse notStarted = health.readiness();
            assertEquals(DOWN, notStarted.getStatus());
            assertData(notStarted, "loop", "not started");
            assertFalse(notStarted.getData().orElseThrow().containsKey("extractor"), "null details are left out");

            lifecycle.start(() -> stage(in, batch -> echo("run.out", batch), released::countDown));
            details.put("extractor", "rootsift-v1");
            assertEquals(BatchShellLifecycle.Phase.RUNNING, lifecycle.phase());
            HealthCheckResponse ready = health.readiness();
            assertEquals(UP, ready.getStatus(), ready.getData().toString());
            assertData(ready, "topics", in + ",run.out");
            assertData(ready, "extractor", "rootsift-v1");

            produce(in, 3);
            await(() -> lifecycle.loop().consumed() == 3);
            assertEquals(3.0, registry.get("landmarks.batch.records.in").tag("service", "test").tag("topic", in)
                    .counter().count());
            assertEquals(3.0, registry.get("landmarks.batch.records.out").tag("topic", "run.out").counter().count());
            assertData(health.liveness(), "consumed", 3L);

            lifecycle.stop();
            assertTrue(released.await(WAIT_SECONDS, TimeUnit.SECONDS), "resources released after the loop closed");
            assertEquals(BatchShellLifecycle.Phase.STOPPED, lifecycle.phase());
            assertFalse(lifecycle.loop().isRunning());
            assertNull(lifecycle.loop().failure(), "a requested stop is no failure");
            assertEquals(DOWN, health.readiness().getStatus());
            assertTrue(exits.isEmpty(), "a shutdown does not exit with an error status: " + exits);
        }
    }

    @Test
    void readinessNamesMissingTopicsWhileTheLoopRuns() throws Exception {
        String in = createTopics("missing.in");
        try (BatchShellHealth health = health(List.of(in, "missing.never-created"), Map::of)) {
            lifecycle.start(() -> stage(in, batch -> List.of(), () -> { }));
            HealthCheckResponse readiness = health.readiness();
            assertEquals(DOWN, readiness.getStatus());
            assertData(readiness, "missing topics", "missing.never-created");
            assertData(readiness, "phase", "RUNNING");
        } finally {
            lifecycle.stop();
        }
    }

    @Test
    void aLoopThatDiesOfAnErrorEndsTheProcessWithStatus1() throws Exception {
        String in = createTopics("dies.in");
        lifecycle.start(() -> stage(in, batch -> {
            throw new IllegalStateException("injected handler failure");
        }, () -> { }));
        produce(in, 1);
        assertEquals(1, exits.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        try (BatchShellHealth health = health(List.of(in), Map::of)) {
            HealthCheckResponse liveness = health.liveness();
            assertEquals(DOWN, liveness.getStatus());
            assertTrue(String.valueOf(liveness.getData().orElseThrow().get("error"))
                    .contains("injected handler failure"), liveness.getData().toString());
            assertData(health.readiness(), "loop", "stopped");
        } finally {
            lifecycle.stop();
        }
    }

    @Test
    void aBackgroundBuildThatFailsEndsTheProcessWithStatus1() throws Exception {
        lifecycle.startInBackground(() -> {
            throw new IOException("landmark.references is empty");
        });
        assertEquals(1, exits.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(BatchShellLifecycle.Phase.STOPPED, lifecycle.phase());
        assertNull(lifecycle.loop());
        try (BatchShellHealth health = health(List.of("x"), Map::of)) {
            HealthCheckResponse liveness = health.liveness();
            assertEquals(DOWN, liveness.getStatus());
            assertData(liveness, "error", "java.io.IOException: landmark.references is empty");
            assertData(health.readiness(), "loop", "not started");
        }
    }

    @Test
    void aShutdownDuringABackgroundBuildClosesTheStageUnused() throws Exception {
        String in = createTopics("late.in");
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        lifecycle.startInBackground(() -> {
            building.countDown();
            mayFinish.await();
            return stage(in, batch -> List.of(), released::countDown);
        });
        assertTrue(building.await(WAIT_SECONDS, TimeUnit.SECONDS));
        lifecycle.stop();
        mayFinish.countDown();
        assertTrue(released.await(WAIT_SECONDS, TimeUnit.SECONDS), "the late stage is released");
        assertNull(lifecycle.loop(), "no loop was installed after the shutdown");
        assertEquals(BatchShellLifecycle.Phase.STOPPED, lifecycle.phase());
        assertTrue(exits.isEmpty(), exits.toString());
    }

    @Test
    void aSynchronousStartThatFailsPropagatesWithoutExiting() {
        IOException cause = new IOException("no model");
        IOException thrown = assertThrows(IOException.class, () -> lifecycle.start(() -> {
            throw cause;
        }));
        assertSame(cause, thrown);
        assertSame(cause, lifecycle.buildFailure());
        assertEquals(BatchShellLifecycle.Phase.STOPPED, lifecycle.phase());
        assertTrue(exits.isEmpty(), "Quarkus fails its own start; no second exit");
    }

    private BatchShellHealth health(List<String> topics, java.util.function.Supplier<Map<String, String>> details) {
        return new BatchShellHealth(lifecycle, "test topics and loop", topics,
                new TopicsProbe(broker.bootstrapServers(), Duration.ofSeconds(5)), details);
    }

    private static BatchStage stage(String in, BatchHandler handler, AutoCloseable resources) {
        return new BatchStage(new LoopConfig(broker.bootstrapServers(), "group-" + in, in, 10, Duration.ofMillis(100)),
                handler, resources);
    }

    private static List<ProducerRecord<byte[], byte[]>> echo(String topic,
            List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> batch) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        batch.forEach(r -> out.add(new ProducerRecord<>(topic, r.key(), r.value())));
        return out;
    }

    private static void assertData(HealthCheckResponse response, String key, Object expected) {
        assertEquals(expected, response.getData().orElseThrow().get(key), response.getName() + " " + response.getData());
    }

    /** Creates the topics (one partition each) and returns the first. */
    private static String createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, 1, (short) 1));
            }
            admin.createTopics(topics).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        return names[0];
    }

    private static void produce(String topic, int n) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, ("k" + i).getBytes(), ("v" + i).getBytes()));
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached within " + WAIT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
    }
}
