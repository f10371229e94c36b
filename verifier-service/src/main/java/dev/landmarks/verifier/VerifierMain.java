package dev.landmarks.verifier;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.service.ServiceRunner;
import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.verifier.decide.DecisionConfig;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.streams.CopartitioningCheck;
import dev.landmarks.verifier.streams.GeometricVerification;
import dev.landmarks.verifier.streams.VerifierTopology;
import dev.landmarks.verifier.streams.VerifierTopologyConfig;
import dev.landmarks.verifier.verify.VerifyConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the verifier-service: creates missing topics, checks the partition counts the topology relies on
 * ({@link CopartitioningCheck}), then runs {@link VerifierTopology} with the real geometric verification and
 * decision as a Kafka Streams application (exactly_once_v2) until the JVM is stopped (SIGTERM: Streams commits and
 * closes) or Streams fails (exit status 1, so a supervisor restarts it). Instances sharing
 * {@code verifier.application-id} split the partitions. Settings come from {@link Settings} (see docs/deploy.md).
 */
public final class VerifierMain {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierMain.class);

    private VerifierMain() {
    }

    /**
     * How this process attaches to Kafka (the topology's own settings are {@link VerifierTopologyConfig}'s).
     *
     * @param bootstrapServers  {@code kafka.bootstrap-servers}, env LANDMARKS_KAFKA_BOOTSTRAP_SERVERS, default
     *                          localhost:9092
     * @param applicationId     Kafka Streams application id = consumer group and prefix of internal topics
     *                          ({@code verifier.application-id}, default {@value #DEFAULT_APPLICATION_ID})
     * @param replicationFactor replicas of the pipeline topics this process creates when missing
     *                          ({@code kafka.replication-factor}, default 1)
     * @param closeTimeout      how long a stop waits for Streams to commit and close ({@code verifier.close-timeout},
     *                          default 30s; keep it under the container's stop grace period)
     * @param healthCheck       how often main looks whether Streams is still running
     *                          ({@code verifier.health-check-interval}, default 5s)
     */
    public record ServiceConfig(String bootstrapServers, String applicationId, short replicationFactor,
                                Duration closeTimeout, Duration healthCheck) {
        public static final String DEFAULT_APPLICATION_ID = "landmarks-verifier";

        public ServiceConfig {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("kafka.bootstrap-servers must not be blank");
            }
            if (applicationId == null || applicationId.isBlank()) {
                throw new IllegalArgumentException("verifier.application-id must not be blank");
            }
            if (replicationFactor < 1) {
                throw new IllegalArgumentException("kafka.replication-factor must be >= 1, was " + replicationFactor);
            }
            if (closeTimeout == null || closeTimeout.isNegative() || closeTimeout.isZero()) {
                throw new IllegalArgumentException("verifier.close-timeout must be positive, was " + closeTimeout);
            }
            if (healthCheck == null || healthCheck.isNegative() || healthCheck.isZero()) {
                throw new IllegalArgumentException(
                        "verifier.health-check-interval must be positive, was " + healthCheck);
            }
        }

        public static ServiceConfig from(Settings s) {
            int replicas = s.integer("kafka.replication-factor", 1);
            if (replicas > Short.MAX_VALUE) {
                throw new IllegalArgumentException("kafka.replication-factor is too large: " + replicas);
            }
            return new ServiceConfig(s.string("kafka.bootstrap-servers", "localhost:9092"),
                    s.string("verifier.application-id", DEFAULT_APPLICATION_ID), (short) replicas,
                    s.duration("verifier.close-timeout", Duration.ofSeconds(30)),
                    s.duration("verifier.health-check-interval", Duration.ofSeconds(5)));
        }
    }

    public static void main(String[] args) throws Exception {
        ServiceRunner.runUntilShutdown("verifier-service", LOG, stop -> run(Settings.fromEnvironment(), stop));
    }

    /**
     * Creates missing topics, checks partition counts, runs the topology until {@code stop} opens or Streams fails,
     * then closes it (committing what it has processed).
     *
     * @return the error that stopped Streams, or null after a requested stop
     * @throws IllegalStateException before starting, when the topics' partition counts do not line up
     */
    public static Throwable run(Settings settings, CountDownLatch stop) throws InterruptedException {
        ServiceConfig service = ServiceConfig.from(settings);
        VerifierTopologyConfig topologyConfig = VerifierTopologyConfig.from(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrapServers()))) {
            new TopicCreator(admin, service.replicationFactor()).ensure(Topics.ALL);
            CopartitioningCheck.verify(admin, topologyConfig);
        }
        Topology topology = VerifierTopology.topology(topologyConfig,
                GeometricVerification.verify(VerifyConfig.from(settings)),
                GeometricVerification.decide(new DecisionPolicy(DecisionConfig.from(settings))));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        KafkaStreams streams = new KafkaStreams(topology, VerifierTopology.streamsConfig(service.bootstrapServers(),
                service.applicationId(), topologyConfig));
        // An exception in processing ends this instance; a restart resumes from the last committed transaction.
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        try {
            streams.start();
            LOG.info("verifier-service: {} + {} (+ {}) -> {}, application id {}, state in {}", Topics.FEATURES.name(),
                    Topics.PREDICTIONS.name(), Topics.REFERENCES.name(), Topics.RESULTS.name(),
                    service.applicationId(), topologyConfig.stateDir());
            while (!stop.await(service.healthCheck().toMillis(), TimeUnit.MILLISECONDS) && running(streams)) {
                LOG.debug("verifier-service: state {}", streams.state());
            }
        } finally {
            // Leave the group on a planned stop: the other instances take the partitions over at once instead of
            // after the session timeout (45 s), which is all a killed instance can hope for.
            streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(service.closeTimeout()));
        }
        if (failure.get() == null && stop.getCount() > 0) {
            failure.set(new IllegalStateException("Kafka Streams stopped in state " + streams.state()));
        }
        return failure.get();
    }

    private static boolean running(KafkaStreams streams) {
        KafkaStreams.State state = streams.state();
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.PENDING_SHUTDOWN && state != KafkaStreams.State.NOT_RUNNING;
    }
}
