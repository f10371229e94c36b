package dev.landmarks.common.quarkus.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bytes in and out of the broker a shell test runs on, as a user's client would see them: records sent as they are
 * (keys, values, or garbage), and committed records read back with read_committed (the services write in
 * transactions, so aborted output never shows).
 */
public final class RawKafka {
    /** After the expected count arrived, how long a read goes on to catch records that should not be there. */
    private static final Duration EXTRA_WAIT = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;

    public RawKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The broker of the shell under test: its {@code landmarks.kafka.bootstrap-servers}, set by the test resource. */
    public static RawKafka ofShellUnderTest() {
        return new RawKafka(ConfigProvider.getConfig().getValue(InProcessKafkaTestResource.BOOTSTRAP_SERVERS,
                String.class));
    }

    @SafeVarargs
    public final void send(ProducerRecord<byte[], byte[]>... records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record);
            }
        }
    }

    /** Committed records of a topic: waits up to {@link ShellClient#DEADLINE} for {@code expected}, then a second more. */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + ShellClient.DEADLINE.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(POLL).forEach(found::add);
                if (found.size() >= expected) {
                    end = Math.min(end, System.nanoTime() + EXTRA_WAIT.toNanos());
                }
            }
        }
        return found;
    }

    /** The one committed record of a topic: fails unless exactly one arrives (see {@link #readCommitted}). */
    public ConsumerRecord<byte[], byte[]> readOne(String topic) {
        List<ConsumerRecord<byte[], byte[]>> found = readCommitted(topic, 1);
        if (found.size() != 1) {
            throw new AssertionError(topic + ": expected exactly one committed record, found " + found.size());
        }
        return found.get(0);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
