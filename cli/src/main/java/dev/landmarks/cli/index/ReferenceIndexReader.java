package dev.landmarks.cli.index;

import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.ReferenceFeatures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the reference index as it stands: every key of landmark.references with its latest value, tombstoned keys
 * left out. Kafka is the source of truth for the index, so this is how `index` learns what is already there and
 * how the one-JVM run builds its retrieval index.
 */
public final class ReferenceIndexReader {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ReferenceIndexReader() {
    }

    /** Key "landmark/image id" -> reference, sorted by key. */
    public static Map<String, ReferenceFeatures> read(KafkaConnection kafka) {
        Map<String, Object> props = kafka.clientProperties("landmarks-index-reader");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        Map<String, ReferenceFeatures> index = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REFERENCES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + Topics.REFERENCES.name() + " took longer than " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    if (r.value() == null) {
                        index.remove(r.key());
                    } else {
                        index.put(r.key(), Topics.REFERENCES.valueSerde().deserializer().deserialize(r.topic(), r.value()));
                    }
                }
            }
        }
        return index;
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
