package dev.landmarks.common.quarkus;

import dev.landmarks.common.config.Settings;

import java.time.Duration;

/**
 * How a batch shell's readiness check asks the broker.
 *
 * @param brokerTimeout key {@code health.timeout} (env {@code LANDMARKS_HEALTH_TIMEOUT}), default 2 s: how long one
 *                      readiness probe waits for the broker to list its topics before it reports DOWN; keep it under
 *                      the orchestrator's probe timeout (compose: 5 s)
 */
public record ShellHealthConfig(Duration brokerTimeout) {
    public static final Duration DEFAULT_BROKER_TIMEOUT = Duration.ofSeconds(2);

    public ShellHealthConfig {
        if (brokerTimeout == null || brokerTimeout.isNegative() || brokerTimeout.isZero()) {
            throw new IllegalArgumentException("health.timeout must be positive, was " + brokerTimeout);
        }
    }

    public static ShellHealthConfig from(Settings s) {
        return new ShellHealthConfig(s.duration("health.timeout", DEFAULT_BROKER_TIMEOUT));
    }
}
