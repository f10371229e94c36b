package dev.landmarks.ingest;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.LoopConfig;
import dev.landmarks.common.kafka.Topics;

import java.time.Duration;
import java.util.Map;

/**
 * How the ingest service attaches to Kafka. Setting keys (environment {@code LANDMARKS_<KEY>}):
 *
 * @param bootstrapServers  {@code kafka.bootstrap-servers}, default "localhost:9092"
 * @param groupId           {@code ingest.group-id}, default "landmarks-ingest": instances sharing it split the requests
 * @param maxBatch          {@code ingest.max-batch}, default 32: requests per poll, i.e. per transaction
 * @param replicationFactor {@code kafka.replication-factor}, default 1: used only when creating missing topics
 * @param maxPollInterval   {@code ingest.max-poll-interval}, default 5m: Kafka's max.poll.interval.ms; a batch must
 *                          finish within it (worst case about maxBatch / fetch.concurrency x fetch.total-timeout)
 */
public record ServiceConfig(String bootstrapServers, String groupId, int maxBatch, short replicationFactor,
                            Duration maxPollInterval) {
    public ServiceConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrap-servers must not be blank");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("ingest.group-id must not be blank");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("ingest.max-batch must be >= 1, was " + maxBatch);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("kafka.replication-factor must be >= 1, was " + replicationFactor);
        }
        if (maxPollInterval == null || maxPollInterval.toMillis() < 1000) {
            throw new IllegalArgumentException("ingest.max-poll-interval must be at least 1s, was " + maxPollInterval);
        }
    }

    public static ServiceConfig from(Settings s) {
        return new ServiceConfig(
                s.string("kafka.bootstrap-servers", "localhost:9092"),
                s.string("ingest.group-id", "landmarks-ingest"),
                s.integer("ingest.max-batch", LoopConfig.DEFAULT_MAX_BATCH),
                (short) s.integer("kafka.replication-factor", 1),
                s.duration("ingest.max-poll-interval", Duration.ofMinutes(5)));
    }

    public LoopConfig loopConfig() {
        return new LoopConfig(bootstrapServers, groupId, Topics.REQUESTS.name(), maxBatch,
                LoopConfig.DEFAULT_POLL_TIMEOUT, Map.of("max.poll.interval.ms", (int) maxPollInterval.toMillis()));
    }
}
