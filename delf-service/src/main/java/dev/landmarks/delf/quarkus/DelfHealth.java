package dev.landmarks.delf.quarkus;

import dev.landmarks.common.quarkus.BatchShellHealth;
import dev.landmarks.common.quarkus.ShellHealthConfig;
import dev.landmarks.common.service.TopicsProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.util.Collections;

/**
 * Health of the delf shell on /q/health, answered by {@link BatchShellHealth}. Liveness: the batch loop's thread
 * runs. Readiness "delf topics and loop": the extractor is loaded (data: {@code extractor}) and the loop runs, the
 * broker answers within {@code landmarks.health.timeout} and landmark.images, .features, .results and .dlq exist.
 */
@ApplicationScoped
public class DelfHealth {
    private final BatchShellHealth health;

    public DelfHealth(DelfShell shell) {
        this.health = new BatchShellHealth(shell.lifecycle(), DelfShell.SERVICE + " topics and loop", shell.topics(),
                new TopicsProbe(shell.bootstrapServers(), ShellHealthConfig.from(shell.settings()).brokerTimeout()),
                () -> Collections.singletonMap("extractor", shell.extractorId()));
    }

    @Produces
    @Liveness
    HealthCheck loopAlive() {
        return health::liveness;
    }

    @Produces
    @Readiness
    HealthCheck topicsAndLoop() {
        return health::readiness;
    }

    @PreDestroy
    void close() {
        health.close();
    }
}
