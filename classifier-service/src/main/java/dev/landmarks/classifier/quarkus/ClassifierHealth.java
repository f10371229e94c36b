package dev.landmarks.classifier.quarkus;

import dev.landmarks.common.quarkus.BatchShellHealth;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health of the classifier shell on /q/health, answered by {@link BatchShellHealth}: liveness "classifier batch loop"
 * (UP while the generator loads and while the loop runs; DOWN, with the error, once loading or the loop failed),
 * readiness "classifier model, topics and loop" (data {@code generator}: the model or reference index is loaded, the
 * loop runs, the broker answers within {@code landmarks.health.timeout}, every topic the service needs exists).
 */
@ApplicationScoped
public class ClassifierHealth {
    private final BatchShellHealth health;

    public ClassifierHealth(ClassifierShell shell) {
        this.health = shell.health();
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
