package dev.landmarks.it.config;

import dev.landmarks.common.config.Settings;

import java.time.Duration;

/**
 * Sizes and limits of the resilience scenarios. Small by default so the whole module runs in about a minute on two
 * cores; every value can be raised for a longer run with {@code -Dlandmarks.it.KEY=value} (or the environment
 * variable {@code LANDMARKS_IT_KEY}), e.g. {@code -Dlandmarks.it.takeover.images=600}.
 *
 * @param takeoverImages records published in a takeover scenario (key {@code it.takeover.images}, default 96,
 *                       at least 12: two waves that reach all 6 partitions)
 * @param crashImages    records published in a crash scenario (key {@code it.crash.images}, default 40, >= 1)
 * @param crashOnBatch   the batch (1-based, counted per instance) after which the injected crash strikes (key
 *                       {@code it.crash.batch}, default 3, >= 1)
 * @param verifierCrashCall the verification (1-based) after which the verifier's injected crash strikes (key
 *                       {@code it.verifier.crash-call}, default 30 of the 80 a default run makes, >= 1)
 * @param sessionTimeout how long the group coordinator waits for a member that stopped heartbeating (key
 *                       {@code it.session-timeout}, default 6s, the broker's minimum). A killed Kafka Streams
 *                       instance does not leave its group, so its replacement gets the partitions only after this;
 *                       the client default, 45 s, would make every verifier crash test wait that long
 * @param stallPollInterval {@code max.poll.interval.ms} of the loops in the stalled-instance scenario (key
 *                       {@code it.stall.max-poll-interval}, default 3s): how long a stalled instance keeps its
 *                       partitions before the group moves them to the other instance
 * @param maxBatch       records per poll, i.e. per transaction, of the batch loops under test (key
 *                       {@code it.max-batch}, default 4, >= 1): small, so a stream has many transactions to cut into
 * @param pollTimeout    how long a batch loop's poll waits (key {@code it.poll-timeout}, default 200ms)
 * @param photoMaxSide   sample photos are shrunk to this longer side before they are published (key
 *                       {@code it.photo.max-side}, default 256, >= 32)
 * @param maxFeatures    RootSIFT keypoints kept per photo (key {@code it.rootsift.max-features}, default 150, >= 10)
 * @param deadline       the longest any wait of a scenario may take before it fails (key {@code it.deadline},
 *                       default 120s)
 * @param kafkaImage     the Docker image of the Testcontainers twins (key {@code it.kafka-image}, default
 *                       apache/kafka:4.1.2, the broker version of the build)
 */
public record ResilienceConfig(int takeoverImages, int crashImages, int crashOnBatch, int verifierCrashCall,
                               Duration sessionTimeout, Duration stallPollInterval, int maxBatch,
                               Duration pollTimeout, int photoMaxSide, int maxFeatures, Duration deadline,
                               String kafkaImage) {
    public static final int DEFAULT_TAKEOVER_IMAGES = 96;
    public static final int DEFAULT_CRASH_IMAGES = 40;
    public static final int DEFAULT_CRASH_ON_BATCH = 3;
    public static final int DEFAULT_VERIFIER_CRASH_CALL = 30;
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(6);
    public static final Duration DEFAULT_STALL_POLL_INTERVAL = Duration.ofSeconds(3);
    public static final int DEFAULT_MAX_BATCH = 4;
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(200);
    public static final int DEFAULT_PHOTO_MAX_SIDE = 256;
    public static final int DEFAULT_MAX_FEATURES = 150;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(120);
    public static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.1.2";

    public ResilienceConfig {
        require(takeoverImages >= 12, "it.takeover.images must be >= 12, was " + takeoverImages);
        require(crashImages >= 1, "it.crash.images must be >= 1, was " + crashImages);
        require(crashOnBatch >= 1, "it.crash.batch must be >= 1, was " + crashOnBatch);
        require(verifierCrashCall >= 1, "it.verifier.crash-call must be >= 1, was " + verifierCrashCall);
        require(positive(sessionTimeout), "it.session-timeout must be positive, was " + sessionTimeout);
        require(positive(stallPollInterval), "it.stall.max-poll-interval must be positive, was " + stallPollInterval);
        require(maxBatch >= 1, "it.max-batch must be >= 1, was " + maxBatch);
        require(positive(pollTimeout), "it.poll-timeout must be positive, was " + pollTimeout);
        require(photoMaxSide >= 32, "it.photo.max-side must be >= 32, was " + photoMaxSide);
        require(maxFeatures >= 10, "it.rootsift.max-features must be >= 10, was " + maxFeatures);
        require(positive(deadline), "it.deadline must be positive, was " + deadline);
        require(kafkaImage != null && !kafkaImage.isBlank(), "it.kafka-image must not be blank");
    }

    /** The defaults, overridden by {@code -Dlandmarks.it.*} and {@code LANDMARKS_IT_*}. */
    public static ResilienceConfig fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    public static ResilienceConfig from(Settings s) {
        return new ResilienceConfig(
                s.integer("it.takeover.images", DEFAULT_TAKEOVER_IMAGES),
                s.integer("it.crash.images", DEFAULT_CRASH_IMAGES),
                s.integer("it.crash.batch", DEFAULT_CRASH_ON_BATCH),
                s.integer("it.verifier.crash-call", DEFAULT_VERIFIER_CRASH_CALL),
                s.duration("it.session-timeout", DEFAULT_SESSION_TIMEOUT),
                s.duration("it.stall.max-poll-interval", DEFAULT_STALL_POLL_INTERVAL),
                s.integer("it.max-batch", DEFAULT_MAX_BATCH),
                s.duration("it.poll-timeout", DEFAULT_POLL_TIMEOUT),
                s.integer("it.photo.max-side", DEFAULT_PHOTO_MAX_SIDE),
                s.integer("it.rootsift.max-features", DEFAULT_MAX_FEATURES),
                s.duration("it.deadline", DEFAULT_DEADLINE),
                s.string("it.kafka-image", DEFAULT_KAFKA_IMAGE));
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
