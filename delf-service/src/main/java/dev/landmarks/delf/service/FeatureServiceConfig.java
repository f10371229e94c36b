package dev.landmarks.delf.service;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.LoopConfig;
import dev.landmarks.proto.DescriptorEncoding;

import java.time.Duration;
import java.util.Locale;

/**
 * How the delf-service runs: where Kafka is, its consumer group, batch size, and how descriptors are packed.
 *
 * @param bootstrapServers  Kafka brokers; key {@code kafka.bootstrap-servers}, default localhost:9092
 * @param groupId           consumer group (and transactional id prefix); key {@code delf.group-id}, default delf-service
 * @param maxBatch          most images per poll / transaction; key {@code delf.max-batch}, default 16, >= 1
 * @param pollTimeout       how long one poll waits; key {@code delf.poll-timeout}, default 500ms
 * @param encoding          descriptor packing on landmark.features: FLOAT32, FLOAT16 or INT8; key
 *                          {@code features.encoding}, default INT8 (4000 RootSIFT descriptors are 512 KB in INT8 but
 *                          1 MB in FLOAT16, above Kafka's default 1 MB record limit; see docs/features.md)
 * @param maxRecordBytes    largest landmark.features value written: beyond it the weakest keypoints are dropped so
 *                          the record fits (Kafka refuses records above the topic's max.message.bytes, 1 MB by
 *                          default, and a refused record would stop the batch loop); key
 *                          {@code features.max-record-bytes}, default 1000000, >= 10000
 * @param maxPixels         images with more pixels are refused before decoding (ingest already resized them; this
 *                          is a guard); key {@code delf.max-pixels}, default 50000000
 * @param replicationFactor replication of the topics this service creates; key {@code kafka.replication-factor},
 *                          default 1
 */
public record FeatureServiceConfig(String bootstrapServers, String groupId, int maxBatch, Duration pollTimeout,
                                   DescriptorEncoding encoding, int maxRecordBytes, long maxPixels,
                                   short replicationFactor) {
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    public static final String DEFAULT_GROUP_ID = "delf-service";
    /** Small: one poll is one transaction, and a DELF image costs about a second on a CPU. */
    public static final int DEFAULT_MAX_BATCH = 16;
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    public static final DescriptorEncoding DEFAULT_ENCODING = DescriptorEncoding.INT8;
    /** Under Kafka's default max.message.bytes (1048588) with room for the record's key, headers and framing. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;
    static final int MIN_RECORD_BYTES = 10_000;
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    public FeatureServiceConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrap-servers must not be blank");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("delf.group-id must not be blank");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("delf.max-batch must be >= 1, was " + maxBatch);
        }
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("delf.poll-timeout must be positive, was " + pollTimeout);
        }
        if (encoding == null || encoding == DescriptorEncoding.DESCRIPTOR_ENCODING_UNSPECIFIED
                || encoding == DescriptorEncoding.UNRECOGNIZED) {
            throw new IllegalArgumentException("features.encoding must be FLOAT32, FLOAT16 or INT8, was " + encoding);
        }
        if (maxRecordBytes < MIN_RECORD_BYTES) {
            throw new IllegalArgumentException("features.max-record-bytes must be >= " + MIN_RECORD_BYTES + ", was "
                    + maxRecordBytes);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("delf.max-pixels must be >= 1, was " + maxPixels);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("kafka.replication-factor must be >= 1, was " + replicationFactor);
        }
    }

    public static FeatureServiceConfig from(Settings s) {
        return new FeatureServiceConfig(
                s.string("kafka.bootstrap-servers", DEFAULT_BOOTSTRAP),
                s.string("delf.group-id", DEFAULT_GROUP_ID),
                s.integer("delf.max-batch", DEFAULT_MAX_BATCH),
                s.duration("delf.poll-timeout", DEFAULT_POLL_TIMEOUT),
                parseEncoding(s.string("features.encoding", DEFAULT_ENCODING.name())),
                s.integer("features.max-record-bytes", DEFAULT_MAX_RECORD_BYTES),
                s.longValue("delf.max-pixels", DEFAULT_MAX_PIXELS),
                (short) s.integer("kafka.replication-factor", 1));
    }

    /** Defaults for everything but the brokers (tests, the one-JVM mode). */
    public static FeatureServiceConfig defaults(String bootstrapServers) {
        return new FeatureServiceConfig(bootstrapServers, DEFAULT_GROUP_ID, DEFAULT_MAX_BATCH, DEFAULT_POLL_TIMEOUT,
                DEFAULT_ENCODING, DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_PIXELS, (short) 1);
    }

    public FeatureServiceConfig withEncoding(DescriptorEncoding other) {
        return new FeatureServiceConfig(bootstrapServers, groupId, maxBatch, pollTimeout, other, maxRecordBytes,
                maxPixels, replicationFactor);
    }

    public LoopConfig loopConfig(String inputTopic) {
        return new LoopConfig(bootstrapServers, groupId, inputTopic, maxBatch, pollTimeout);
    }

    static DescriptorEncoding parseEncoding(String text) {
        try {
            return DescriptorEncoding.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("features.encoding must be FLOAT32, FLOAT16 or INT8, was '" + text + "'", e);
        }
    }
}
