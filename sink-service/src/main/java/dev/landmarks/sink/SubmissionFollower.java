package dev.landmarks.sink;

import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sink's loop, shared by {@link SinkMain} and the Quarkus shell: creates landmark.results if it is missing,
 * assigns itself every partition (no consumer group, nothing committed), reads committed results from the first
 * record into a {@link SubmissionSink}, and rewrites the submission file (sorted by id) at most once per write
 * interval when new results arrived; when stopped, it writes the file a last time. Records that are no readable
 * Result are counted and skipped. Its counters ({@link #writes()}, {@link #lastWrite()}, {@link #unreadable()}) may
 * be read from any thread while it runs.
 */
public final class SubmissionFollower {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionFollower.class);
    /** How long to wait for the broker to describe landmark.results before giving up. */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final SinkMain.Config config;
    private final SubmissionSink sink;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile Instant lastWrite;

    public SubmissionFollower(SinkMain.Config config, SubmissionSink sink) {
        this.config = config;
        this.sink = sink;
    }

    /** Runs until {@code stop} opens (noticed within the poll timeout), then writes the file a last time. */
    public void run(CountDownLatch stop) throws IOException {
        ensureResultsTopic();
        String topic = Topics.RESULTS.name();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                    .map((PartitionInfo p) -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            LOG.info("sink following {} ({} partitions) into {}", topic, partitions.size(), config.out());
            boolean unwritten = true;
            long nextWrite = System.nanoTime();
            while (stop.getCount() > 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(config.pollTimeout())) {
                    Optional<ResultRecord> read = ResultRecord.read(record);
                    if (read.isPresent()) {
                        unwritten |= sink.accept(read.get().id(), read.get().result());
                    } else {
                        LOG.warn("skipping an unreadable record at {}-{}@{} ({} so far)", record.topic(),
                                record.partition(), record.offset(), unreadable.incrementAndGet());
                    }
                }
                if (unwritten && System.nanoTime() >= nextWrite) {
                    write();
                    LOG.info("wrote {}: {} ids", config.out(), sink.size());
                    unwritten = false;
                    nextWrite = System.nanoTime() + config.writeInterval().toNanos();
                }
            }
        }
        write();
    }

    private void write() throws IOException {
        sink.write(config.out(), sink.sortedIds());
        writes.incrementAndGet();
        lastWrite = Instant.now();
    }

    /** Times the file was written (periodic writes and the last one on stop). */
    public long writes() {
        return writes.get();
    }

    /** When the file was last written; empty before the first write. */
    public Optional<Instant> lastWrite() {
        return Optional.ofNullable(lastWrite);
    }

    /** Records read that were no readable Result (skipped). */
    public long unreadable() {
        return unreadable.get();
    }

    private void ensureResultsTopic() {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                CommonClientConfigs.CLIENT_ID_CONFIG, "landmarks-sink-admin"))) {
            new TopicCreator(admin, config.replicationFactor()).ensure(List.of(Topics.RESULTS));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Kafka at " + config.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "landmarks-sink");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }
}
