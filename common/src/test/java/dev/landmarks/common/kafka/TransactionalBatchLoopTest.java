package dev.landmarks.common.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionalBatchLoopTest {
    static InProcessKafka kafka;

    @BeforeAll
    static void start() {
        kafka = InProcessKafka.start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aCrashMidStreamNeitherLosesNorDuplicatesOutput() throws Exception {
        String in = "loop.in";
        String out = "loop.out";
        createTopics(in, out);
        int n = 60;
        produce(in, n);

        // First instance: dies with an exception after its handler already produced output for the third batch.
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger committedBeforeCrash = new AtomicInteger();
        BatchHandler crashing = batch -> {
            List<ProducerRecord<byte[], byte[]>> outputs = echo(out, batch);
            if (batches.incrementAndGet() < 3) {
                committedBeforeCrash.addAndGet(batch.size());
            } else {
                throw new IllegalStateException("injected crash after the model ran");
            }
            return outputs;
        };
        LoopConfig config = new LoopConfig(kafka.bootstrapServers(), "loop-test", in, 7, Duration.ofMillis(200));
        TransactionalBatchLoop first = new TransactionalBatchLoop(config, crashing);
        first.start();
        waitUntil(() -> !first.isRunning());
        assertNotNull(first.failure(), "the injected crash must stop the loop");
        assertEquals(committedBeforeCrash.get(), first.consumed(), "only the two batches before the crash count");
        first.close();

        // Restart in the same group: resumes at the last committed batch.
        try (TransactionalBatchLoop second = new TransactionalBatchLoop(config, batch -> echo(out, batch))) {
            second.start();
            waitUntil(() -> second.consumed() == n - committedBeforeCrash.get());
        }

        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : readCommitted(out, n)) {
            counts.merge(r.key(), 1, Integer::sum);
        }
        assertEquals(n, counts.size(), "every input produced output");
        counts.forEach((k, c) -> assertEquals(1, c, "output for " + k + " appeared " + c + " times"));
    }

    @Test
    void theObserverHearsEveryCommittedBatchAndTheCleanStop() throws Exception {
        String in = "observe.in";
        String out = "observe.out";
        createTopics(in, out);
        int n = 23;
        produce(in, n);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        List<Integer> outputSizes = new CopyOnWriteArrayList<>();
        List<Duration> handling = new CopyOnWriteArrayList<>();
        List<Optional<Throwable>> stops = new CopyOnWriteArrayList<>();
        TransactionalBatchLoop.Observer observer = new TransactionalBatchLoop.Observer() {
            @Override
            public void committed(List<ConsumerRecord<byte[], byte[]>> batch, List<ProducerRecord<byte[], byte[]>> outputs,
                                  Duration took) {
                batchSizes.add(batch.size());
                outputSizes.add(outputs.size());
                handling.add(took);
            }

            @Override
            public void stopped(Throwable failure) {
                stops.add(Optional.ofNullable(failure));
            }
        };
        LoopConfig config = new LoopConfig(kafka.bootstrapServers(), "observe-test", in, 5, Duration.ofMillis(200));
        // Each input becomes two outputs, so outputs are told apart from inputs.
        TransactionalBatchLoop loop = new TransactionalBatchLoop(config, batch -> {
            List<ProducerRecord<byte[], byte[]>> twice = new ArrayList<>(echo(out, batch));
            twice.addAll(echo(out, batch));
            return twice;
        }, observer);
        assertTrue(Double.isNaN(loop.recordsLagMax()), "no fetch yet, no lag known");
        loop.start();
        waitUntil(() -> loop.consumed() == n);
        double lag = loop.recordsLagMax();
        loop.close();

        assertEquals(n, batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(batchSizes.stream().allMatch(size -> size >= 1 && size <= 5), batchSizes.toString());
        for (int i = 0; i < batchSizes.size(); i++) {
            assertEquals(2 * batchSizes.get(i), outputSizes.get(i));
            assertFalse(handling.get(i).isNegative());
        }
        assertFalse(Double.isNaN(lag), "the consumer fetched, so its lag metric has samples");
        assertTrue(lag >= 0 && lag <= n, "lag " + lag);
        assertEquals(List.of(Optional.empty()), stops, "one clean stop");
    }

    @Test
    void theObserverHearsTheErrorThatStoppedTheLoop() throws Exception {
        String in = "observe-fail.in";
        createTopics(in);
        produce(in, 3);
        List<Throwable> stops = new CopyOnWriteArrayList<>();
        AtomicInteger committed = new AtomicInteger();
        TransactionalBatchLoop.Observer observer = new TransactionalBatchLoop.Observer() {
            @Override
            public void committed(List<ConsumerRecord<byte[], byte[]>> batch, List<ProducerRecord<byte[], byte[]>> outputs,
                                  Duration took) {
                committed.incrementAndGet();
            }

            @Override
            public void stopped(Throwable failure) {
                stops.add(failure);
            }
        };
        LoopConfig config = new LoopConfig(kafka.bootstrapServers(), "observe-fail-test", in, 5, Duration.ofMillis(200));
        TransactionalBatchLoop loop = new TransactionalBatchLoop(config, batch -> {
            throw new IllegalStateException("injected");
        }, observer);
        loop.start();
        waitUntil(() -> !loop.isRunning());
        loop.close();
        assertEquals(0, committed.get(), "an aborted batch is not reported as committed");
        assertEquals(1, stops.size());
        assertEquals("injected", stops.get(0).getMessage());
    }

    @Test
    void closeFinishesAndCommitsTheBatchInHand() throws Exception {
        String in = "graceful.in";
        String out = "graceful.out";
        createTopics(in, out);
        int n = 4;
        produce(in, n);
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LoopConfig config = new LoopConfig(kafka.bootstrapServers(), "graceful-test", in, n, Duration.ofMillis(200));
        // Partitions may arrive in more than one poll: only the first batch is held.
        AtomicInteger held = new AtomicInteger();
        TransactionalBatchLoop loop = new TransactionalBatchLoop(config, batch -> {
            if (held.getAndIncrement() == 0) {
                inHand.countDown();
                release.await();
            }
            return echo(out, batch);
        });
        loop.start();
        inHand.await();
        Thread closer = new Thread(loop::close, "closer");
        closer.start();
        // close() has been called and waits for the loop while the batch is still in the handler
        waitUntil(() -> closer.getState() == Thread.State.TIMED_WAITING);
        assertEquals(0, loop.consumed(), "nothing committed while the batch is in hand");
        release.countDown();
        closer.join();

        assertTrue(loop.consumed() >= 1, "the batch in hand was committed");
        assertNull(loop.failure(), "a requested stop is not a failure");
        List<ConsumerRecord<String, String>> committed = readCommitted(out, (int) loop.consumed());
        assertEquals(loop.consumed(), committed.size(), "exactly the committed batches are visible");
    }

    private static List<ProducerRecord<byte[], byte[]>> echo(String topic, List<ConsumerRecord<byte[], byte[]>> batch) {
        List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            String v = new String(r.value(), StandardCharsets.UTF_8).toUpperCase();
            outputs.add(new ProducerRecord<>(topic, r.key(), v.getBytes(StandardCharsets.UTF_8)));
        }
        return outputs;
    }

    private static void createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, 3, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    private static void produce(String topic, int n) {
        try (var p = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                p.send(new ProducerRecord<>(topic, "id-" + i, "value " + i));
            }
        }
    }

    private static List<ConsumerRecord<String, String>> readCommitted(String topic, int atLeast) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (var c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && (all.size() < atLeast || emptyPolls < 3)) {
                var records = c.poll(Duration.ofMillis(300));
                records.forEach(all::add);
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
            }
        }
        return all;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, "condition not met within 60 s");
            Thread.sleep(50);
        }
    }
}
