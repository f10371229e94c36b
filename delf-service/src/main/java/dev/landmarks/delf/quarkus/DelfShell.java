package dev.landmarks.delf.quarkus;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.delf.features.FeaturesConfig;
import dev.landmarks.delf.features.LocalFeatureExtractor;
import dev.landmarks.delf.features.LocalFeatureExtractors;
import dev.landmarks.delf.service.FeatureServiceConfig;
import dev.landmarks.delf.service.ImageFeaturesHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delf-service as a Quarkus application: a thin shell over the plain code. At start it builds, from
 * {@link Settings} (LANDMARKS_* environment, plus every {@code landmarks.*} property of Quarkus' configuration), the
 * same extractor (DELF with {@code delf.model-dir}, RootSIFT otherwise) and {@link ImageFeaturesHandler} as
 * {@code DelfMain}, and runs them in a {@link TransactionalBatchLoop} over landmark.images, reporting each batch to
 * {@link BatchMetrics}. At shutdown the loop finishes and commits the batch in hand, then the extractor is freed. A
 * loop that stops on an error ends the process with status 1, as the plain main does. Topics are not created here:
 * the compose "topics" step does that, readiness waits for them.
 */
@ApplicationScoped
public class DelfShell {
    static final String SERVICE = "delf";
    /** Quarkus properties under this prefix are settings keys: landmarks.delf.model-dir is delf.model-dir. */
    static final String PREFIX = "landmarks.";
    private static final Logger LOG = LoggerFactory.getLogger(DelfShell.class);

    private final Settings settings;
    private final FeatureServiceConfig service;
    private final MeterRegistry registry;
    private volatile TransactionalBatchLoop loop;
    private volatile LocalFeatureExtractor extractor;

    public DelfShell(Config config, MeterRegistry registry) {
        this.settings = settings(config);
        this.service = FeatureServiceConfig.from(settings);
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        extractor = LocalFeatureExtractors.create(FeaturesConfig.from(settings));
        TransactionalBatchLoop started = new TransactionalBatchLoop(service.loopConfig(Topics.IMAGES.name()),
                new ImageFeaturesHandler(extractor, service, Clock.systemUTC()),
                new ExitOnFailure(new BatchMetrics(registry, SERVICE, Topics.IMAGES.name(), this::consumerLag)));
        started.start();
        loop = started;
        LOG.info("delf-service: {} -> {} with {} ({} descriptors), group {}", Topics.IMAGES.name(),
                Topics.FEATURES.name(), extractor.id(), service.encoding(), service.groupId());
    }

    void onStop(@Observes ShutdownEvent event) {
        TransactionalBatchLoop running = loop;
        if (running != null) {
            running.close();
        }
        if (extractor != null) {
            extractor.close();
        }
    }

    /** The loop, null before start. */
    TransactionalBatchLoop loop() {
        return loop;
    }

    /** The loaded extractor's id ("rootsift-v1", "delf:&lt;hash&gt;"), null before start. */
    String extractorId() {
        LocalFeatureExtractor loaded = extractor;
        return loaded == null ? null : loaded.id();
    }

    String bootstrapServers() {
        return service.bootstrapServers();
    }

    /** Every topic the loop reads or writes: readiness waits until they exist. */
    List<String> topics() {
        return List.of(Topics.IMAGES.name(), Topics.FEATURES.name(), Topics.RESULTS.name(),
                Topics.DEAD_LETTERS.name());
    }

    private double consumerLag() {
        TransactionalBatchLoop current = loop;
        return current == null ? Double.NaN : current.recordsLagMax();
    }

    static Settings settings(Config config) {
        Map<String, String> values = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(v -> values.put(name.substring(PREFIX.length()), v));
            }
        }
        return Settings.fromEnvironment().with(values);
    }

    /** Passes batches on to the metrics; ends the process when the loop dies of an error. */
    private record ExitOnFailure(BatchMetrics metrics) implements TransactionalBatchLoop.Observer {
        @Override
        public void committed(List<ConsumerRecord<byte[], byte[]>> batch, List<ProducerRecord<byte[], byte[]>> outputs,
                              Duration handling) {
            metrics.committed(batch, outputs, handling);
        }

        @Override
        public void stopped(Throwable failure) {
            if (failure != null) {
                LOG.error("delf loop stopped on an error; exiting so the supervisor restarts it", failure);
                Quarkus.asyncExit(1);
            }
        }
    }
}
