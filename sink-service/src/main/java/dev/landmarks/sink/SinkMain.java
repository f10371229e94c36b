package dev.landmarks.sink;

import dev.landmarks.common.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The long-running sink of a deployment (docker compose's {@code sink}): follows {@code landmark.results} (committed
 * transactions only, every partition, no consumer group, from the first record) and keeps a Kaggle submission file
 * up to date, one row per image id sorted by id, the first result per id winning. The file is replaced atomically,
 * at most once per write interval and only when new results arrived, and once more on shutdown. Unlike
 * {@code landmarks collect}, which stops at the end of the topic, it runs until the process is stopped. The loop is
 * {@link SubmissionFollower}; the Quarkus shell ({@code dev.landmarks.sink.quarkus.SinkShell}) runs the same one.
 */
public final class SinkMain {
    private static final Logger LOG = LoggerFactory.getLogger(SinkMain.class);

    private SinkMain() {
    }

    /**
     * @param bootstrapServers  the broker (setting {@value #BOOTSTRAP_SERVERS}, env LANDMARKS_KAFKA_BOOTSTRAP_SERVERS;
     *                          required)
     * @param replicationFactor replicas of landmark.results if the sink has to create it (setting
     *                          {@value #REPLICATION_FACTOR}, default 1, which suits a single broker)
     * @param out               the submission file (setting {@value #OUT}, default {@code submission.csv})
     * @param writeInterval     least time between two rewrites of the file (setting {@value #WRITE_INTERVAL}, default 5s)
     * @param pollTimeout       longest single wait for new records; bounds how late a stop is noticed (setting
     *                          {@value #POLL_TIMEOUT}, default 500ms)
     */
    public record Config(String bootstrapServers, short replicationFactor, Path out, Duration writeInterval,
                         Duration pollTimeout) {
        public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
        public static final String REPLICATION_FACTOR = "kafka.replication-factor";
        public static final String OUT = "sink.out";
        public static final String WRITE_INTERVAL = "sink.write-interval";
        public static final String POLL_TIMEOUT = "sink.poll-timeout";
        public static final int DEFAULT_REPLICATION_FACTOR = 1;
        public static final Path DEFAULT_OUT = Path.of("submission.csv");
        public static final Duration DEFAULT_WRITE_INTERVAL = Duration.ofSeconds(5);
        public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

        public Config {
            if (bootstrapServers == null || bootstrapServers.isBlank() || out == null) {
                throw new IllegalArgumentException("the sink needs a broker and an output file");
            }
            if (replicationFactor < 1) {
                throw new IllegalArgumentException(REPLICATION_FACTOR + " must be >= 1, was " + replicationFactor);
            }
            requirePositive(WRITE_INTERVAL, writeInterval);
            requirePositive(POLL_TIMEOUT, pollTimeout);
        }

        public static Config from(Settings s) {
            String servers = s.find(BOOTSTRAP_SERVERS).orElseThrow(() -> new IllegalArgumentException(
                    "the sink needs a broker: set " + Settings.environmentName(BOOTSTRAP_SERVERS)));
            int replicas = s.integer(REPLICATION_FACTOR, DEFAULT_REPLICATION_FACTOR);
            if (replicas > Short.MAX_VALUE) {
                throw new IllegalArgumentException(REPLICATION_FACTOR + " is too large: " + replicas);
            }
            return new Config(servers, (short) replicas, s.path(OUT).orElse(DEFAULT_OUT),
                    s.duration(WRITE_INTERVAL, DEFAULT_WRITE_INTERVAL), s.duration(POLL_TIMEOUT, DEFAULT_POLL_TIMEOUT));
        }

        private static void requirePositive(String key, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.from(Settings.fromEnvironment());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        // The JVM does not wait for main once shutdown begins: the hook holds it until the last write is done.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sink-shutdown"));
        try {
            SinkSummary summary = run(config, SubmissionSink.from(Settings.fromEnvironment()), stop);
            LOG.info("sink stopped: {}", summary.describe());
        } finally {
            finished.countDown();
        }
    }

    /**
     * Follows the results topic into {@code sink} and {@code config.out()} until {@code stop} opens, then writes the
     * file a last time.
     */
    public static SinkSummary run(Config config, SubmissionSink sink, CountDownLatch stop) throws IOException {
        new SubmissionFollower(config, sink).run(stop);
        return sink.summary();
    }
}
