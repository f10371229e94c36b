package dev.landmarks.it.kafka;

import dev.landmarks.common.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts, by image id (the record key), what a downstream user sees: every partition of the stage's answer topic,
 * of {@code landmark.results} (FAILED answers) and of {@code landmark.dlq}, read from the beginning with
 * isolation.level=read_committed, so output of an aborted transaction is never counted. {@link #readToEnd} reads up
 * to the last stable offset, so once the writers have stopped the counts are complete without waiting for
 * "no more records" to be likely.
 */
public final class OutputLedger implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final String answerTopic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    /** topic -> key -> records seen. */
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();

    public OutputLedger(String bootstrapServers, String answerTopic) {
        this.answerTopic = answerTopic;
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Set<String> topics = new LinkedHashSet<>(List.of(answerTopic, Topics.RESULTS.name(), Topics.DEAD_LETTERS.name()));
        for (String topic : topics) {
            counts.put(topic, new TreeMap<>());
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until every id has at least one record on any of the topics. */
    public void awaitAll(Collection<String> ids, Duration deadline) throws InterruptedException {
        Await.until("every one of " + ids.size() + " ids has a committed answer (" + missing(ids).size()
                + " missing at the start)", deadline, () -> {
            pollOnce();
            return missing(ids).isEmpty();
        });
    }

    /** Reads until the answer topic holds at least {@code n} records. */
    public void awaitAnswers(int n, Duration deadline) throws InterruptedException {
        Await.until(n + " committed answers on " + answerTopic, deadline, () -> {
            pollOnce();
            return answers() >= n;
        });
    }

    /** Reads every partition up to its last stable offset as of this call. */
    public void readToEnd(Duration deadline) throws InterruptedException {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Await.until("the ledger reached the committed end of " + partitions.size() + " partitions", deadline, () -> {
            pollOnce();
            return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }

    /** Ids among {@code ids} with no record on any topic so far. */
    public List<String> missing(Collection<String> ids) {
        return ids.stream().filter(id -> counts.values().stream().noneMatch(c -> c.containsKey(id))).toList();
    }

    /** Records seen on {@code topic} by key. */
    public Map<String, Integer> countsOn(String topic) {
        return Map.copyOf(counts.get(topic));
    }

    /** Records on the answer topic in all. */
    public int answers() {
        return counts.get(answerTopic).values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Every id has exactly one record on the answer topic, none on the failure topics, and the answer topic holds
     * nothing else: none lost, none twice.
     */
    public void assertExactlyOnce(Collection<String> ids) {
        Map<String, Integer> answers = counts.get(answerTopic);
        List<String> lost = ids.stream().filter(id -> !answers.containsKey(id)).toList();
        List<String> twice = answers.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).toList();
        assertTrue(lost.isEmpty(), lost.size() + " ids have no answer on " + answerTopic + ": " + lost);
        assertTrue(twice.isEmpty(), twice.size() + " ids answered more than once on " + answerTopic + ": " + twice);
        assertEquals(Set.copyOf(ids), answers.keySet(), "nothing but the inputs answered on " + answerTopic);
        for (String other : counts.keySet()) {
            if (!other.equals(answerTopic)) {
                assertEquals(Map.of(), counts.get(other), "no failure for these inputs on " + other);
            }
        }
    }

    private void pollOnce() {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
            String key = r.key() == null ? "<null>" : new String(r.key(), StandardCharsets.UTF_8);
            counts.get(r.topic()).merge(key, 1, Integer::sum);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
