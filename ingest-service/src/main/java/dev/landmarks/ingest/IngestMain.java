package dev.landmarks.ingest;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the ingest service: reads {@link Settings} from the environment, creates missing topics, then consumes
 * landmark.requests with an {@link IngestProcessor} in a {@link TransactionalBatchLoop} until the JVM is stopped
 * (SIGTERM finishes the batch in hand) or the loop fails (exit status 1).
 */
public final class IngestMain {
    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        ServiceConfig service = ServiceConfig.from(settings);
        IngestConfig ingest = IngestConfig.from(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrapServers()))) {
            new TopicCreator(admin, service.replicationFactor()).ensure(Topics.ALL);
        }
        ImageIngestor ingestor = new ImageIngestor(ingest);
        TransactionalBatchLoop loop = new TransactionalBatchLoop(service.loopConfig(), new IngestProcessor(ingestor));
        CountDownLatch shutdown = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.close();
            ingestor.close();
            shutdown.countDown();
        }, "ingest-shutdown"));
        loop.start();
        LOG.info("ingest consuming {} from {} (group {}, local root {})", Topics.REQUESTS.name(),
                service.bootstrapServers(), service.groupId(), ingest.fetch().localRoot().map(Object::toString).orElse("none"));
        // The loop has no completion signal: look at it once a second until a shutdown or a failure.
        while (!shutdown.await(1, TimeUnit.SECONDS)) {
            if (!loop.isRunning()) {
                LOG.error("ingest loop stopped", loop.failure());
                ingestor.close();
                System.exit(1);
            }
        }
    }
}
