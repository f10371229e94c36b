package dev.landmarks.it.kafka;

import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Sets up a broker as the services find it in production: every topic of the catalog created up front with its
 * partitions (6) and compaction, one replica (test brokers have one node); and publishes input records the way a
 * user's producer would (idempotent, acknowledged by all replicas).
 */
public final class PipelineTopics {
    private PipelineTopics() {
    }

    public static void create(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicCreator(admin, (short) 1).ensure(Topics.ALL);
        }
    }

    /** Sends the records and waits until the broker has acknowledged every one. */
    public static void publish(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records)
            throws InterruptedException, ExecutionException {
        publish(bootstrapServers, records, Map.of());
    }

    /** As {@link #publish(String, List)}, with extra producer properties (e.g. a partitioner). */
    public static void publish(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records,
                               Map<String, Object> extra) throws InterruptedException, ExecutionException {
        Map<String, Object> props = new java.util.HashMap<>(extra);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> r : records) {
                sent.add(producer.send(r));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        }
    }
}
