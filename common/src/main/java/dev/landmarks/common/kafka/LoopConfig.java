package dev.landmarks.common.kafka;

import java.time.Duration;
import java.util.Map;

/**
 * How a {@link TransactionalBatchLoop} consumes.
 *
 * @param bootstrapServers Kafka brokers, "host:port,..."
 * @param groupId          consumer group; instances with the same id share the input partitions
 * @param inputTopic       the topic consumed
 * @param maxBatch         records per poll, i.e. per batch and per transaction (default 32)
 * @param pollTimeout      how long one poll waits for records (default 500 ms)
 * @param clientOverrides  extra consumer/producer properties (e.g. max.poll.interval.ms for slow models); may be empty
 */
public record LoopConfig(String bootstrapServers, String groupId, String inputTopic, int maxBatch, Duration pollTimeout,
                         Map<String, Object> clientOverrides) {
    public static final int DEFAULT_MAX_BATCH = 32;
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

    public LoopConfig {
        require(bootstrapServers, "bootstrapServers");
        require(groupId, "groupId");
        require(inputTopic, "inputTopic");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, was " + maxBatch);
        }
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("pollTimeout must be positive, was " + pollTimeout);
        }
        clientOverrides = Map.copyOf(clientOverrides);
    }

    public LoopConfig(String bootstrapServers, String groupId, String inputTopic, int maxBatch, Duration pollTimeout) {
        this(bootstrapServers, groupId, inputTopic, maxBatch, pollTimeout, Map.of());
    }

    public static LoopConfig of(String bootstrapServers, String groupId, String inputTopic) {
        return new LoopConfig(bootstrapServers, groupId, inputTopic, DEFAULT_MAX_BATCH, DEFAULT_POLL_TIMEOUT);
    }

    public LoopConfig withMaxBatch(int n) {
        return new LoopConfig(bootstrapServers, groupId, inputTopic, n, pollTimeout, clientOverrides);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
