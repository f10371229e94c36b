package dev.landmarks.it.kafka;

import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sets up a broker as the services find it in production: every topic of the catalog created up front with its
 * partitions (6) and compaction, one replica (test brokers have one node); and publishes input records the way a
 * user's producer would (idempotent, acknowledged by all replicas).
 */
public final class PipelineTopics {
    private PipelineTopics() {
    }

    /** Creates the catalog's topics and waits until every partition has a leader. */
    public static void create(String bootstrapServers, Duration deadline) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicCreator(admin, (short) 1).ensure(Topics.ALL);
            List<String> names = Topics.ALL.stream().map(t -> t.name()).toList();
            Await.until("every partition of the new topics has a leader", deadline, () -> allLed(admin, names));
        }
    }

    private static boolean allLed(Admin admin, List<String> names) {
        try {
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            return topics.values().stream().flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends the records and waits until the broker has acknowledged every one. */
    public static void publish(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records)
            throws InterruptedException, ExecutionException {
        publish(bootstrapServers, records, Map.of());
    }

    /**
     * As {@link #publish(String, List)}, with extra producer properties (e.g. a partitioner). One request in flight:
     * on a topic created a moment ago, a first batch refused with NOT_LEADER_OR_FOLLOWER while later ones were
     * accepted left the idempotent producer retrying an out-of-order sequence until its delivery timeout (seen
     * here under load); with one request in flight a retry always comes first.
     */
    public static void publish(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records,
                               Map<String, Object> extra) throws InterruptedException, ExecutionException {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> r : records) {
                sent.add(producer.send(r));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }
}
