package dev.landmarks.cli.sink;

import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The long-running sink of a deployment (docker compose's {@code sink}): follows {@code landmark.results} (committed
 * transactions only, every partition, no consumer group, from the first record) and keeps a Kaggle submission file
 * up to date, one row per image id sorted by id, the first result per id winning. The file is replaced atomically,
 * at most once per write interval and only when new results arrived, and once more on shutdown. Unlike
 * {@code landmarks collect}, which stops at the end of the topic, it runs until the process is stopped.
 */
public final class SinkMain {
    private static final Logger LOG = LoggerFactory.getLogger(SinkMain.class);

    private SinkMain() {
    }

    /**
     * @param kafka         the broker (setting {@code kafka.bootstrap-servers}, env LANDMARKS_KAFKA_BOOTSTRAP_SERVERS;
     *                      required)
     * @param out           the submission file (setting {@value #OUT}, default {@code submission.csv})
     * @param writeInterval least time between two rewrites of the file (setting {@value #WRITE_INTERVAL}, default 5s)
     * @param pollTimeout   longest single wait for new records; bounds how late a stop is noticed (setting
     *                      {@value #POLL_TIMEOUT}, default 500ms)
     */
    public record Config(KafkaConnection kafka, Path out, Duration writeInterval, Duration pollTimeout) {
        public static final String OUT = "sink.out";
        public static final String WRITE_INTERVAL = "sink.write-interval";
        public static final String POLL_TIMEOUT = "sink.poll-timeout";
        public static final Path DEFAULT_OUT = Path.of("submission.csv");
        public static final Duration DEFAULT_WRITE_INTERVAL = Duration.ofSeconds(5);
        public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

        public Config {
            if (kafka == null || out == null) {
                throw new IllegalArgumentException("the sink needs a broker and an output file");
            }
            requirePositive(WRITE_INTERVAL, writeInterval);
            requirePositive(POLL_TIMEOUT, pollTimeout);
        }

        public static Config from(Settings s) {
            KafkaConnection kafka = KafkaConnection.from(s).orElseThrow(() -> new IllegalArgumentException(
                    "the sink needs a broker: set " + Settings.environmentName(KafkaConnection.BOOTSTRAP_SERVERS)));
            return new Config(kafka, s.path(OUT).orElse(DEFAULT_OUT),
                    s.duration(WRITE_INTERVAL, DEFAULT_WRITE_INTERVAL), s.duration(POLL_TIMEOUT, DEFAULT_POLL_TIMEOUT));
        }

        private static void requirePositive(String key, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.from(Settings.fromEnvironment());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        // The JVM does not wait for main once shutdown begins: the hook holds it until the last write is done.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sink-shutdown"));
        try {
            SinkSummary summary = run(config, SubmissionSink.from(Settings.fromEnvironment()), stop);
            LOG.info("sink stopped: {}", summary.describe());
        } finally {
            finished.countDown();
        }
    }

    /**
     * Follows the results topic into {@code sink} and {@code config.out()} until {@code stop} opens, then writes the
     * file a last time.
     */
    public static SinkSummary run(Config config, SubmissionSink sink, CountDownLatch stop) throws IOException {
        config.kafka().ensureTopics(List.of(Topics.RESULTS));
        Deserializer<String> keys = Topics.RESULTS.keySerde().deserializer();
        Deserializer<Result> values = Topics.RESULTS.valueSerde().deserializer();
        String topic = Topics.RESULTS.name();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(config.kafka()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map((PartitionInfo p) -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            LOG.info("sink following {} ({} partitions) into {}", topic, partitions.size(), config.out());
            boolean unwritten = true;
            long nextWrite = System.nanoTime();
            int unreadable = 0;
            while (stop.getCount() > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(config.pollTimeout())) {
                    try {
                        Result r = values.deserialize(topic, record.value());
                        String id = r == null || r.getImageId().isEmpty() ? keys.deserialize(topic, record.key())
                                : r.getImageId();
                        if (r == null || id == null || id.isEmpty()) {
                            unreadable++;
                        } else {
                            unwritten |= sink.accept(id, r);
                        }
                    } catch (SerializationException e) {
                        unreadable++;
                        LOG.warn("skipping an unreadable record at {}-{}@{} ({} so far)", record.topic(),
                                record.partition(), record.offset(), unreadable);
                    }
                }
                if (unwritten && System.nanoTime() >= nextWrite) {
                    sink.write(config.out(), sink.sortedIds());
                    LOG.info("wrote {}: {} ids", config.out(), sink.size());
                    unwritten = false;
                    nextWrite = System.nanoTime() + config.writeInterval().toNanos();
                }
            }
        }
        sink.write(config.out(), sink.sortedIds());
        return sink.summary();
    }

    private static Map<String, Object> consumerProperties(KafkaConnection kafka) {
        Map<String, Object> p = kafka.clientProperties("landmarks-sink");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }
}
