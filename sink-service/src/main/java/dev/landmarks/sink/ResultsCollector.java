package dev.landmarks.sink;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads landmark.results (committed transactions only) into a {@link SubmissionSink}. With expected ids it stops as
 * soon as each has a result, or at the timeout; without, it reads up to the end the topic had when collection
 * started. It reads every partition itself, without a consumer group, so each run sees the whole topic and commits
 * nothing. Records that are not a readable Result are counted and skipped. Progress goes to a {@link Listener} (the
 * command line turns it into its progress lines).
 */
public final class ResultsCollector {
    /** Told, at most once per progress interval, how many ids have a result so far. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param done    without expected ids: distinct ids with a result; with: expected ids with a result
         * @param elapsed time since the collection started
         */
        void progress(long done, Duration elapsed);
    }

    private final String bootstrapServers;
    private final String topic;
    private final CollectConfig config;
    /** How long to wait for the broker to describe the topic before calling it unreachable. */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Listener listener;

    /** @param bootstrapServers the broker, "host:port[,host:port...]" */
    public ResultsCollector(String bootstrapServers, String topic, CollectConfig config, Listener listener) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must not be blank");
        }
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.config = config;
        this.listener = listener;
    }

    /** @param expected the ids to wait for, in submission order; empty = read to the current end of the topic */
    public CollectOutcome collect(SubmissionSink sink, List<String> expected) {
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos();
        Set<String> expectedIds = Set.copyOf(expected);
        Set<String> waiting = new HashSet<>(expectedIds);
        waiting.removeIf(sink::has);
        Set<String> unexpected = new HashSet<>();
        long nextProgress = start + config.progressInterval().toNanos();
        long records = 0;
        int unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            if (config.fromBeginning()) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // read_committed: these are the last stable offsets, the end of what a reader may see now
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!(expected.isEmpty() ? caughtUp(consumer, end) : waiting.isEmpty())) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                long waitNanos = Math.min(config.pollTimeout().toNanos(), deadline - now);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofNanos(waitNanos))) {
                    records++;
                    Optional<ResultRecord> read = ResultRecord.read(record);
                    if (read.isEmpty()) {
                        unreadable++;
                        continue;
                    }
                    String id = read.get().id();
                    sink.accept(id, read.get().result());
                    waiting.remove(id);
                    if (!expected.isEmpty() && !expectedIds.contains(id)) {
                        unexpected.add(id);
                    }
                }
                now = System.nanoTime();
                if (now >= nextProgress) {
                    long done = expected.isEmpty() ? sink.size() : expected.size() - waiting.size();
                    listener.progress(done, Duration.ofNanos(now - start));
                    nextProgress = now + config.progressInterval().toNanos();
                }
            }
            boolean complete = expected.isEmpty() ? caughtUp(consumer, end) : waiting.isEmpty();
            return new CollectOutcome(complete, expected.isEmpty() ? List.of() : sink.missing(expected),
                    unexpected.size(), records, unreadable, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist on " + bootstrapServers);
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "landmarks-collect");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }
}
