package dev.landmarks.ingest.quarkus;

import dev.landmarks.common.quarkus.BatchShellHealth;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the ingest shell on /q/health, answered by {@link BatchShellHealth}: liveness "ingest batch loop" (the
 * loop's thread runs), readiness "ingest topics and loop" (the loop runs, the broker answers within
 * {@code landmarks.health.timeout}, landmark.requests, .images, .results and .dlq exist).
 */
@ApplicationScoped
public class IngestHealth {
    private final BatchShellHealth health;

    public IngestHealth(IngestShell shell) {
        this.health = shell.health();
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
