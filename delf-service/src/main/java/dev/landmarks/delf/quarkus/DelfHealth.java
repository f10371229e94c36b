package dev.landmarks.delf.quarkus;

import dev.landmarks.common.quarkus.BatchShellHealth;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the delf shell on /q/health, answered by {@link BatchShellHealth}: liveness "delf batch loop" (the loop's
 * thread runs), readiness "delf topics and loop" (the extractor is loaded, data {@code extractor}; the loop runs, the
 * broker answers within {@code landmarks.health.timeout}, landmark.images, .features, .results and .dlq exist).
 */
@ApplicationScoped
public class DelfHealth {
    private final BatchShellHealth health;

    public DelfHealth(DelfShell shell) {
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
