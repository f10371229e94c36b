package dev.landmarks.delf;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.service.ServiceRunner;
import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.delf.features.FeaturesConfig;
import dev.landmarks.delf.features.LocalFeatureExtractor;
import dev.landmarks.delf.features.LocalFeatureExtractors;
import dev.landmarks.delf.service.FeatureServiceConfig;
import dev.landmarks.delf.service.ImageFeaturesHandler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the delf-service: creates the topics it needs if missing, builds the configured extractor (DELF when
 * {@code delf.model-dir} is set, RootSIFT otherwise) and consumes landmark.images into landmark.features (and FAILED
 * results / DLQ records) with exactly-once transactions until the JVM is asked to stop. All settings come from
 * {@link Settings}: -Dlandmarks.KEY or LANDMARKS_KEY (see docs/features.md).
 */
public final class DelfMain {
    private static final Logger LOG = LoggerFactory.getLogger(DelfMain.class);

    /** How often main checks that the loop is still running. */
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(5);

    private DelfMain() {
    }

    public static void main(String[] args) throws Exception {
        ServiceRunner.runUntilShutdown("delf-service", LOG, stop -> run(Settings.fromEnvironment(), stop));
    }

    /**
     * Creates missing topics, builds the extractor, runs the loop until {@code stop} opens or the loop fails, then
     * closes everything (the batch in hand is committed first).
     *
     * @return the error that stopped the loop, or null after a requested stop
     */
    public static Throwable run(Settings settings, CountDownLatch stop) throws IOException, InterruptedException {
        FeatureServiceConfig service = FeatureServiceConfig.from(settings);
        FeaturesConfig features = FeaturesConfig.from(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrapServers()))) {
            new TopicCreator(admin, service.replicationFactor()).ensure(Topics.ALL);
        }
        try (LocalFeatureExtractor extractor = LocalFeatureExtractors.create(features);
             TransactionalBatchLoop loop = new TransactionalBatchLoop(service.loopConfig(Topics.IMAGES.name()),
                     new ImageFeaturesHandler(extractor, service, Clock.systemUTC()))) {
            loop.start();
            LOG.info("delf-service: {} -> {} with {} ({} descriptors), group {}", Topics.IMAGES.name(),
                    Topics.FEATURES.name(), extractor.id(), service.encoding(), service.groupId());
            // wake up now and then to notice a loop that stopped on an error (it then needs a restart)
            while (!stop.await(LIVENESS_CHECK.toMillis(), TimeUnit.MILLISECONDS) && loop.isRunning()) {
                LOG.debug("delf-service: {} images so far", loop.consumed());
            }
            return loop.failure();
        }
    }
}
