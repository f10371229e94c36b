package dev.landmarks.ingest.quarkus;

import dev.landmarks.common.quarkus.BatchShellHealth;
import dev.landmarks.common.quarkus.ShellHealthConfig;
import dev.landmarks.common.service.TopicsProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;

/**
 * Health of the ingest shell on /q/health, answered by {@link BatchShellHealth}. Liveness: the batch loop's thread
 * runs. Readiness "ingest topics and loop": the loop runs, the broker answers within {@code landmarks.health.timeout}
 * and landmark.requests, .images, .results and .dlq exist.
 */
@ApplicationScoped
public class IngestHealth {
    private final BatchShellHealth health;

    public IngestHealth(IngestShell shell) {
        this.health = new BatchShellHealth(shell.lifecycle(), IngestShell.SERVICE + " topics and loop", shell.topics(),
                new TopicsProbe(shell.bootstrapServers(), ShellHealthConfig.from(shell.settings()).brokerTimeout()),
                Map::of);
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
