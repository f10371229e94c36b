package dev.landmarks.verifier.quarkus;

import dev.landmarks.common.config.Settings;
import dev.landmarks.verifier.decide.DecisionConfig;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.streams.CopartitioningCheck;
import dev.landmarks.verifier.streams.GeometricVerification;
import dev.landmarks.verifier.streams.VerifierTopology;
import dev.landmarks.verifier.streams.VerifierTopologyConfig;
import dev.landmarks.verifier.verify.VerifyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The Quarkus shell of the verifier: hands {@link VerifierTopology} with the real geometric verification and decision
 * to quarkus-kafka-streams, which runs it, reports readiness (topics present, Streams running) on /q/health and its
 * metrics on /q/metrics, beside the verifier's own meters ({@link VerifierMetrics}: verification time, decided results
 * by status). Verification settings come from {@link Settings} (LANDMARKS_* environment variables) like every other
 * service; the Streams client settings from application.properties. Before the topology is handed over,
 * the partition counts it relies on are checked ({@link CopartitioningCheck}); a mismatch stops the start.
 */
@ApplicationScoped
public class TopologyProducer {
    private final String bootstrapServers;
    private final VerifierMetrics metrics;

    public TopologyProducer(@ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers,
                            MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.metrics = new VerifierMetrics(registry);
    }

    @Produces
    public Topology topology() {
        Settings settings = Settings.fromEnvironment();
        VerifierTopologyConfig config = VerifierTopologyConfig.from(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            CopartitioningCheck.verify(admin, config);
        }
        return VerifierTopology.topology(config,
                metrics.timed(GeometricVerification.verify(VerifyConfig.from(settings))),
                metrics.counted(GeometricVerification.decide(new DecisionPolicy(DecisionConfig.from(settings)))));
    }
}
