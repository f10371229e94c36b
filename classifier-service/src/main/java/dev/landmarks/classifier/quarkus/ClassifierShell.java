package dev.landmarks.classifier.quarkus;

import dev.landmarks.classifier.ClassifierMain;
import dev.landmarks.classifier.serve.ServeConfig;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.BatchShellHealth;
import dev.landmarks.common.quarkus.BatchShellLifecycle;
import dev.landmarks.common.quarkus.BatchStage;
import dev.landmarks.common.quarkus.QuarkusSettings;
import dev.landmarks.common.quarkus.ShellHealthConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classifier service as a Quarkus application: a thin shell over the plain code. At start it builds, from
 * {@link QuarkusSettings} (every {@code landmarks.*} property, then the LANDMARKS_* environment), the same generator
 * as {@code ClassifierMain} ({@link ClassifierMain#stage}: retrieval over the index read from landmark.references,
 * or a CNN), and {@link BatchShellLifecycle} runs it with the batch metrics. Building happens on a thread of its own,
 * because reading a large index or loading a model takes a while: meanwhile HTTP answers, liveness is UP and
 * readiness DOWN (phase LOADING). At shutdown the loop finishes and commits the batch in hand, then the model is
 * released. A build or a loop that fails ends the process with status 1, as the plain main does.
 */
@ApplicationScoped
public class ClassifierShell {
    static final String SERVICE = "classifier";

    private final Settings settings;
    private final ServeConfig serve;
    private final BatchShellLifecycle lifecycle;

    public ClassifierShell(Config config, MeterRegistry registry) {
        this.settings = QuarkusSettings.from(config);
        this.serve = ServeConfig.from(settings);
        this.lifecycle = new BatchShellLifecycle(SERVICE, registry, Quarkus::asyncExit);
    }

    void onStart(@Observes StartupEvent event) {
        lifecycle.startInBackground(() -> {
            ClassifierMain.Stage built = ClassifierMain.stage(settings, serve);
            return new BatchStage(serve.loopConfig(built.inputTopic()), built.handler(), built.handler()::close);
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        lifecycle.stop();
    }

    /** For {@link ClassifierHealth}: readiness "classifier model, topics and loop", with the generator's kind. */
    BatchShellHealth health() {
        String generator = serve.generator().name().toLowerCase(Locale.ROOT);
        return BatchShellHealth.of(lifecycle, SERVICE + " model, topics and loop", topics(), serve.bootstrapServers(),
                ShellHealthConfig.from(settings), () -> Map.of("generator", generator));
    }

    /** Every topic the service reads or writes (the index included for retrieval): readiness waits for them. */
    private List<String> topics() {
        List<String> topics = new ArrayList<>();
        if (serve.generator() == ServeConfig.GeneratorKind.RETRIEVAL) {
            topics.add(Topics.FEATURES.name());
            topics.add(Topics.REFERENCES.name());
        } else {
            topics.add(Topics.IMAGES.name());
        }
        topics.addAll(List.of(Topics.PREDICTIONS.name(), Topics.RESULTS.name(), Topics.DEAD_LETTERS.name()));
        return topics;
    }
}
