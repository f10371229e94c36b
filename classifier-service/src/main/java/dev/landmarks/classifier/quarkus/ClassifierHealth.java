package dev.landmarks.classifier.quarkus;

import dev.landmarks.common.kafka.TransactionalBatchLoop;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Health of the classifier shell on /q/health. Liveness: UP while the generator loads and while the batch loop's
 * thread runs; DOWN, with the error, once loading or the loop failed. Readiness: the model or reference index is
 * loaded and the loop runs, the broker answers within {@code landmarks.health.timeout} and every topic the service
 * needs exists (DOWN names the missing ones).
 */
@ApplicationScoped
public class ClassifierHealth {
    private final ClassifierShell shell;
    private final Duration timeout;
    private Admin admin;

    public ClassifierHealth(ClassifierShell shell,
                            @ConfigProperty(name = "landmarks.health.timeout", defaultValue = "2s") Duration timeout) {
        this.shell = shell;
        this.timeout = timeout;
    }

    @Produces
    @Liveness
    HealthCheck loopAlive() {
        return () -> {
            HealthCheckResponseBuilder r = HealthCheckResponse.named(ClassifierShell.SERVICE + " batch loop")
                    .withData("phase", shell.phase().name());
            Throwable loadFailure = shell.loadFailure();
            if (loadFailure != null) {
                return r.down().withData("error", loadFailure.toString()).build();
            }
            TransactionalBatchLoop loop = shell.loop();
            if (loop == null) {
                return r.up().build();
            }
            r.withData("consumed", loop.consumed());
            return loop.isRunning() ? r.up().build()
                    : r.down().withData("error", String.valueOf(loop.failure())).build();
        };
    }

    @Produces
    @Readiness
    HealthCheck modelTopicsAndLoop() {
        return () -> {
            HealthCheckResponseBuilder r = HealthCheckResponse.named(ClassifierShell.SERVICE + " model, topics and loop")
                    .withData("generator", shell.generator().name().toLowerCase())
                    .withData("phase", shell.phase().name());
            TransactionalBatchLoop loop = shell.loop();
            if (loop == null || !loop.isRunning()) {
                return r.down().build();
            }
            try {
                Set<String> existing = admin().listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                List<String> missing = new ArrayList<>(shell.topics());
                missing.removeAll(existing);
                return missing.isEmpty() ? r.up().withData("topics", String.join(",", shell.topics())).build()
                        : r.down().withData("missing topics", String.join(",", missing)).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r.down().withData("broker", "interrupted").build();
            } catch (Exception e) {
                return r.down().withData("broker", shell.bootstrapServers() + ": " + e).build();
            }
        };
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shell.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
