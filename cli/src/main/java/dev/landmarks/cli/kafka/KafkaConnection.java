package dev.landmarks.cli.kafka;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topic;
import dev.landmarks.common.kafka.TopicCreator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the command line finds Kafka and how it creates missing topics.
 *
 * @param bootstrapServers  "host:port[,host:port...]" (setting {@value #BOOTSTRAP_SERVERS})
 * @param replicationFactor replicas for topics this command creates; default 1, which suits a single broker
 *                          (setting {@value #REPLICATION_FACTOR})
 */
public record KafkaConnection(String bootstrapServers, short replicationFactor) {
    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
    public static final String REPLICATION_FACTOR = "kafka.replication-factor";
    public static final int DEFAULT_REPLICATION_FACTOR = 1;

    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must not be blank");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(REPLICATION_FACTOR + " must be >= 1, was " + replicationFactor);
        }
    }

    /** Empty when no broker is configured (the one-JVM commands then start one in-process). */
    public static Optional<KafkaConnection> from(Settings s) {
        int replicas = s.integer(REPLICATION_FACTOR, DEFAULT_REPLICATION_FACTOR);
        if (replicas > Short.MAX_VALUE) {
            throw new IllegalArgumentException(REPLICATION_FACTOR + " is too large: " + replicas);
        }
        return s.find(BOOTSTRAP_SERVERS).map(servers -> new KafkaConnection(servers, (short) replicas));
    }

    /** Client properties every Kafka client of this connection starts from. */
    public Map<String, Object> clientProperties(String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    /** Creates the topics that do not exist yet (with the catalog's partitions and compaction). */
    public void ensureTopics(Collection<Topic<?, ?>> topics) {
        try (Admin admin = Admin.create(clientProperties("landmarks-cli-admin"))) {
            new TopicCreator(admin, replicationFactor).ensure(topics);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}
