package dev.landmarks.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a keyed topic from its beginning to the end it had when reading started, keeping the latest value per key
 * and dropping tombstoned keys: the state a compacted topic stands for. Used wherever the reference index
 * (landmark.references) is needed whole: the indexer, the retrieval candidate generator, the one-JVM run.
 * Reads committed records only, every partition, without a consumer group.
 */
public final class CompactedTopicReader {
    private static final Duration POLL = Duration.ofMillis(200);

    private CompactedTopicReader() {
    }

    /** Key -> latest value, sorted by key. */
    public static <V> Map<String, V> read(String bootstrapServers, Topic<String, V> topic, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        Map<String, V> state = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic.name() + " took longer than " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    String key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
                    if (r.value() == null) {
                        state.remove(key);
                    } else {
                        state.put(key, topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
                    }
                }
            }
        }
        return state;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
