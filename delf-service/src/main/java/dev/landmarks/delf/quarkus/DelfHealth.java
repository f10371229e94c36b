package dev.landmarks.delf.quarkus;

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
 * Health of the delf shell on /q/health. Liveness: the batch loop's thread runs (DOWN once it stopped, with the
 * error). Readiness: the extractor is loaded and the loop runs, the broker answers within
 * {@code landmarks.health.timeout} and every topic the loop reads or writes exists (DOWN names the missing ones).
 */
@ApplicationScoped
public class DelfHealth {
    private final DelfShell shell;
    private final Duration timeout;
    private Admin admin;

    public DelfHealth(DelfShell shell,
                        @ConfigProperty(name = "landmarks.health.timeout", defaultValue = "2s") Duration timeout) {
        this.shell = shell;
        this.timeout = timeout;
    }

    @Produces
    @Liveness
    HealthCheck loopAlive() {
        return () -> {
            TransactionalBatchLoop loop = shell.loop();
            HealthCheckResponseBuilder r = HealthCheckResponse.named(DelfShell.SERVICE + " batch loop");
            if (loop == null) {
                return r.up().withData("state", "starting").build();
            }
            r.withData("consumed", loop.consumed());
            return loop.isRunning() ? r.up().build()
                    : r.down().withData("error", String.valueOf(loop.failure())).build();
        };
    }

    @Produces
    @Readiness
    HealthCheck topicsAndLoop() {
        return () -> {
            HealthCheckResponseBuilder r = HealthCheckResponse.named(DelfShell.SERVICE + " topics and loop");
            TransactionalBatchLoop loop = shell.loop();
            if (loop == null || !loop.isRunning()) {
                return r.down().withData("loop", loop == null ? "not started" : "stopped").build();
            }
            try {
                Set<String> existing = admin().listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                List<String> missing = new ArrayList<>(shell.topics());
                missing.removeAll(existing);
                r.withData("extractor", shell.extractorId());
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
