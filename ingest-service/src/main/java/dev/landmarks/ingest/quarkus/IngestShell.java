package dev.landmarks.ingest.quarkus;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.BatchShellHealth;
import dev.landmarks.common.quarkus.BatchShellLifecycle;
import dev.landmarks.common.quarkus.BatchStage;
import dev.landmarks.common.quarkus.QuarkusSettings;
import dev.landmarks.common.quarkus.ShellHealthConfig;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestConfig;
import dev.landmarks.ingest.IngestProcessor;
import dev.landmarks.ingest.ServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Map;

/**
 * The ingest service as a Quarkus application: a thin shell over the plain code. At start it builds, from
 * {@link QuarkusSettings} (every {@code landmarks.*} property, then the LANDMARKS_* environment), the same
 * {@link IngestProcessor} as {@code IngestMain}, and {@link BatchShellLifecycle} runs it over landmark.requests with
 * the batch metrics, finishes the batch in hand at shutdown and ends the process with status 1 if the loop dies.
 * Topics are not created here: the compose "topics" step does that, readiness waits for them.
 */
@ApplicationScoped
public class IngestShell {
    static final String SERVICE = "ingest";
    /** Every topic the loop reads or writes: readiness waits until they exist. */
    private static final List<String> TOPICS = List.of(Topics.REQUESTS.name(), Topics.IMAGES.name(),
            Topics.RESULTS.name(), Topics.DEAD_LETTERS.name());

    private final Settings settings;
    private final ServiceConfig service;
    private final BatchShellLifecycle lifecycle;

    public IngestShell(Config config, MeterRegistry registry) {
        this.settings = QuarkusSettings.from(config);
        this.service = ServiceConfig.from(settings);
        this.lifecycle = new BatchShellLifecycle(SERVICE, registry, Quarkus::asyncExit);
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        lifecycle.start(() -> {
            ImageIngestor ingestor = new ImageIngestor(IngestConfig.from(settings));
            return new BatchStage(service.loopConfig(), new IngestProcessor(ingestor), ingestor::close);
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        lifecycle.stop();
    }

    /** For {@link IngestHealth}: readiness "ingest topics and loop". */
    BatchShellHealth health() {
        return BatchShellHealth.of(lifecycle, SERVICE + " topics and loop", TOPICS, service.bootstrapServers(),
                ShellHealthConfig.from(settings), Map::of);
    }
}
