package dev.landmarks.common.service;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Asks the broker, within a timeout, which of a service's topics do not exist: what a readiness check needs, since a
 * service must not take traffic before the topics it reads and writes are there (they are created by a deployment
 * step, not by the service). The admin client is created at the first check and kept; {@link #close()} releases it.
 * Thread-safe.
 */
public final class TopicsProbe implements AutoCloseable {
    /** How long {@link #close()} waits for the admin client's pending calls. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    /**
     * What the broker said: the topics that are missing (empty: all exist), or why it could not be asked.
     *
     * @param missing     the topics asked for that the broker does not list, in the order asked
     * @param brokerError null when the broker answered; else the bootstrap servers and the error
     */
    public record Outcome(List<String> missing, String brokerError) {
        public Outcome {
            missing = List.copyOf(missing);
        }

        /** The broker answered and every topic exists. */
        public boolean allPresent() {
            return brokerError == null && missing.isEmpty();
        }
    }

    private final String bootstrapServers;
    private final Duration timeout;
    private Admin admin;

    /** @param timeout how long one check waits for the broker's answer (also the admin client's request timeout) */
    public TopicsProbe(String bootstrapServers, Duration timeout) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    public Outcome check(List<String> topics) {
        try {
            Set<String> existing = admin().listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> missing = new ArrayList<>(topics);
            missing.removeAll(existing);
            return new Outcome(missing, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(List.of(), "interrupted");
        } catch (Exception e) {
            return new Outcome(List.of(), bootstrapServers + ": " + e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(CLOSE_TIMEOUT);
            admin = null;
        }
    }
}
