package dev.landmarks.verifier.quarkus;

import dev.landmarks.common.config.Settings;
import dev.landmarks.verifier.decide.DecisionConfig;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.streams.CopartitioningCheck;
import dev.landmarks.verifier.streams.GeometricVerification;
import dev.landmarks.verifier.streams.VerifierTopology;
import dev.landmarks.verifier.streams.VerifierTopologyConfig;
import dev.landmarks.verifier.verify.VerifyConfig;
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
 * metrics on /q/metrics. Verification settings come from {@link Settings} (LANDMARKS_* environment variables) like
 * every other service; the Streams client settings from application.properties. Before the topology is handed over,
 * the partition counts it relies on are checked ({@link CopartitioningCheck}); a mismatch stops the start.
 */
@ApplicationScoped
public class TopologyProducer {
    private final String bootstrapServers;

    public TopologyProducer(@ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Produces
    public Topology topology() {
        Settings settings = Settings.fromEnvironment();
        VerifierTopologyConfig config = VerifierTopologyConfig.from(settings);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            CopartitioningCheck.verify(admin, config);
        }
        return VerifierTopology.topology(config, GeometricVerification.verify(VerifyConfig.from(settings)),
                GeometricVerification.decide(new DecisionPolicy(DecisionConfig.from(settings))));
    }
}
