package dev.landmarks.delf.quarkus;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.BatchShellHealth;
import dev.landmarks.common.quarkus.BatchShellLifecycle;
import dev.landmarks.common.quarkus.BatchStage;
import dev.landmarks.common.quarkus.QuarkusSettings;
import dev.landmarks.common.quarkus.ShellHealthConfig;
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
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.util.Collections;
import java.util.List;

/**
 * The delf-service as a Quarkus application: a thin shell over the plain code. At start it builds, from
 * {@link QuarkusSettings} (every {@code landmarks.*} property, then the LANDMARKS_* environment), the same extractor
 * (DELF with {@code delf.model-dir}, RootSIFT otherwise) and {@link ImageFeaturesHandler} as {@code DelfMain}, and
 * {@link BatchShellLifecycle} runs them over landmark.images with the batch metrics, finishes the batch in hand at
 * shutdown, then frees the extractor, and ends the process with status 1 if the loop dies. Topics are not created
 * here: the compose "topics" step does that, readiness waits for them.
 */
@ApplicationScoped
public class DelfShell {
    static final String SERVICE = "delf";
    /** Every topic the loop reads or writes: readiness waits until they exist. */
    private static final List<String> TOPICS = List.of(Topics.IMAGES.name(), Topics.FEATURES.name(),
            Topics.RESULTS.name(), Topics.DEAD_LETTERS.name());

    private final Settings settings;
    private final FeatureServiceConfig service;
    private final BatchShellLifecycle lifecycle;
    private volatile LocalFeatureExtractor extractor;

    public DelfShell(Config config, MeterRegistry registry) {
        this.settings = QuarkusSettings.from(config);
        this.service = FeatureServiceConfig.from(settings);
        this.lifecycle = new BatchShellLifecycle(SERVICE, registry, Quarkus::asyncExit);
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        lifecycle.start(() -> {
            LocalFeatureExtractor loaded = LocalFeatureExtractors.create(FeaturesConfig.from(settings));
            extractor = loaded;
            return new BatchStage(service.loopConfig(Topics.IMAGES.name()),
                    new ImageFeaturesHandler(loaded, service, Clock.systemUTC()), loaded::close);
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        lifecycle.stop();
    }

    /** For {@link DelfHealth}: readiness "delf topics and loop", with the loaded extractor's id. */
    BatchShellHealth health() {
        return BatchShellHealth.of(lifecycle, SERVICE + " topics and loop", TOPICS, service.bootstrapServers(),
                ShellHealthConfig.from(settings), () -> Collections.singletonMap("extractor", extractorId()));
    }

    /** The loaded extractor's id ("rootsift-v1", "delf:&lt;hash&gt;"), null before start. */
    private String extractorId() {
        LocalFeatureExtractor loaded = extractor;
        return loaded == null ? null : loaded.id();
    }
}
