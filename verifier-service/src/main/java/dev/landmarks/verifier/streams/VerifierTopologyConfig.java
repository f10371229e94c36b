package dev.landmarks.verifier.streams;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the verifier's Kafka Streams application (keys under {@code verifier.}, environment
 * {@code LANDMARKS_VERIFIER_...}).
 *
 * @param referencePartitions  partitions of {@code landmark.references}; the verification-task repartition topic is
 *                             created with the same count so landmark partitions line up (default
 *                             {@link Topics#DEFAULT_PARTITIONS}, key {@code verifier.reference-partitions})
 * @param pendingTtl           how long one half of a query (features or predictions) waits for the other before it is
 *                             dropped; the stage that lost the other half has published a FAILED result itself
 *                             (default 24 h, key {@code verifier.pending-ttl})
 * @param pendingSweepInterval how often (wall clock) waiting halves are checked against the TTL (default 1 min,
 *                             key {@code verifier.pending-sweep-interval})
 * @param streamThreads        stream threads per instance (default 1, key {@code verifier.stream-threads})
 * @param commitInterval       transaction commit interval; results become visible to read_committed consumers at
 *                             commits (default 100 ms, key {@code verifier.commit-interval})
 * @param transactionTimeout   producer transaction timeout: geometric verification makes transactions long, and
 *                             Kafka Streams' 10 s default fenced a loaded 2-core machine's instance mid-transaction
 *                             (it recovered, but re-verified the batch); it is also how long a crashed instance's
 *                             open transaction can hold back read_committed readers (default 60 s, key
 *                             {@code verifier.transaction-timeout}; at most the broker's transaction.max.timeout.ms)
 * @param replicationFactor    of internal topics; -1 = the broker's default (default -1, key
 *                             {@code verifier.replication-factor})
 * @param maxRecordBytes       largest record the application writes: a verification task carries the query's
 *                             features (default 16 MiB, key {@code verifier.max-record-bytes})
 * @param deadLetterMaxBytes   unreadable values longer than this go to the DLQ cut to this length (header
 *                             {@code dlq.original-bytes} gives the full size), so a huge poison record cannot exceed
 *                             landmark.dlq's message size limit and stop the instance (default 512 KiB, key
 *                             {@code verifier.dead-letter-max-bytes}, at least 1 KiB)
 * @param stateDir             where local state stores live; two instances on one host need different ones (default
 *                             {@code <java.io.tmpdir>/kafka-streams}, key {@code verifier.state-dir})
 * @param candidateSources     how many candidate generators publish to landmark.predictions (distinct model ids,
 *                             e.g. a CNN and retrieval): an image is verified once all of them have answered, on the
 *                             merge of their candidates ({@link CandidateMerge}; default 1, key
 *                             {@code verifier.candidate-sources})
 */
public record VerifierTopologyConfig(int referencePartitions, Duration pendingTtl, Duration pendingSweepInterval,
                                     int streamThreads, Duration commitInterval, Duration transactionTimeout,
                                     int replicationFactor,
                                     int maxRecordBytes, int deadLetterMaxBytes, Path stateDir,
                                     int candidateSources) {
    public static final int DEFAULT_REFERENCE_PARTITIONS = Topics.REFERENCES.partitions();
    public static final Duration DEFAULT_PENDING_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_PENDING_SWEEP_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_STREAM_THREADS = 1;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_REPLICATION_FACTOR = -1;
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_DEAD_LETTER_MAX_BYTES = 512 * 1024;
    public static final Path DEFAULT_STATE_DIR = Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams");
    public static final int DEFAULT_CANDIDATE_SOURCES = 1;

    public VerifierTopologyConfig {
        require(referencePartitions >= 1, "verifier.reference-partitions must be >= 1, was " + referencePartitions);
        require(positive(pendingTtl), "verifier.pending-ttl must be positive, was " + pendingTtl);
        require(positive(pendingSweepInterval),
                "verifier.pending-sweep-interval must be positive, was " + pendingSweepInterval);
        require(streamThreads >= 1, "verifier.stream-threads must be >= 1, was " + streamThreads);
        require(positive(commitInterval), "verifier.commit-interval must be positive, was " + commitInterval);
        require(positive(transactionTimeout) && transactionTimeout.compareTo(commitInterval) > 0,
                "verifier.transaction-timeout must be longer than the commit interval, was " + transactionTimeout);
        require(replicationFactor == -1 || replicationFactor >= 1,
                "verifier.replication-factor must be -1 or >= 1, was " + replicationFactor);
        require(maxRecordBytes >= 1024 * 1024, "verifier.max-record-bytes must be >= 1 MiB, was " + maxRecordBytes);
        require(deadLetterMaxBytes >= 1024,
                "verifier.dead-letter-max-bytes must be >= 1024, was " + deadLetterMaxBytes);
        require(stateDir != null, "verifier.state-dir must be set");
        require(candidateSources >= 1, "verifier.candidate-sources must be >= 1, was " + candidateSources);
    }

    public static VerifierTopologyConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    public static VerifierTopologyConfig from(Settings s) {
        return new VerifierTopologyConfig(
                s.integer("verifier.reference-partitions", DEFAULT_REFERENCE_PARTITIONS),
                s.duration("verifier.pending-ttl", DEFAULT_PENDING_TTL),
                s.duration("verifier.pending-sweep-interval", DEFAULT_PENDING_SWEEP_INTERVAL),
                s.integer("verifier.stream-threads", DEFAULT_STREAM_THREADS),
                s.duration("verifier.commit-interval", DEFAULT_COMMIT_INTERVAL),
                s.duration("verifier.transaction-timeout", DEFAULT_TRANSACTION_TIMEOUT),
                s.integer("verifier.replication-factor", DEFAULT_REPLICATION_FACTOR),
                s.integer("verifier.max-record-bytes", DEFAULT_MAX_RECORD_BYTES),
                s.integer("verifier.dead-letter-max-bytes", DEFAULT_DEAD_LETTER_MAX_BYTES),
                s.path("verifier.state-dir").orElse(DEFAULT_STATE_DIR),
                s.integer("verifier.candidate-sources", DEFAULT_CANDIDATE_SOURCES));
    }

    /** A copy with another state directory (several instances in one JVM or on one host). */
    public VerifierTopologyConfig withStateDir(Path dir) {
        return new VerifierTopologyConfig(referencePartitions, pendingTtl, pendingSweepInterval, streamThreads,
                commitInterval, transactionTimeout, replicationFactor, maxRecordBytes, deadLetterMaxBytes, dir,
                candidateSources);
    }

    /** A copy expecting candidates from this many generators per image. */
    public VerifierTopologyConfig withCandidateSources(int sources) {
        return new VerifierTopologyConfig(referencePartitions, pendingTtl, pendingSweepInterval, streamThreads,
                commitInterval, transactionTimeout, replicationFactor, maxRecordBytes, deadLetterMaxBytes, stateDir,
                sources);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
