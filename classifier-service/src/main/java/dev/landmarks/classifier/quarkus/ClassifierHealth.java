package dev.landmarks.classifier.quarkus;

import dev.landmarks.common.quarkus.BatchShellHealth;
import dev.landmarks.common.quarkus.ShellHealthConfig;
import dev.landmarks.common.service.TopicsProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.util.Locale;
import java.util.Map;

/**
 * Health of the classifier shell on /q/health, answered by {@link BatchShellHealth}. Liveness: UP while the
 * generator loads and while the batch loop runs; DOWN, with the error, once loading or the loop failed. Readiness
 * "classifier model, topics and loop" (data: {@code generator}): the model or reference index is loaded and the loop
 * runs, the broker answers within {@code landmarks.health.timeout} and every topic the service needs exists.
 */
@ApplicationScoped
public class ClassifierHealth {
    private final BatchShellHealth health;

    public ClassifierHealth(ClassifierShell shell) {
        String generator = shell.generator().name().toLowerCase(Locale.ROOT);
        this.health = new BatchShellHealth(shell.lifecycle(), ClassifierShell.SERVICE + " model, topics and loop",
                shell.topics(),
                new TopicsProbe(shell.bootstrapServers(), ShellHealthConfig.from(shell.settings()).brokerTimeout()),
                () -> Map.of("generator", generator));
    }

    @Produces
    @Liveness
    HealthCheck loopAlive() {
        return health::liveness;
    }

    @Produces
    @Readiness
    HealthCheck modelTopicsAndLoop() {
        return health::readiness;
    }

    @PreDestroy
    void close() {
        health.close();
    }
}
