package dev.landmarks.verifier.quarkus;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A real in-process KRaft broker for the @QuarkusTest, started before Quarkus boots, with the catalog's topics
 * created (as the compose "topics" step does), a fresh application id and a fresh state directory per run.
 */
public class InProcessKafkaResource implements QuarkusTestResourceLifecycleManager {
    private InProcessKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = InProcessKafka.start();
        kafka.createTopics(Topics.ALL);
        Path state;
        try {
            state = Files.createTempDirectory("verifier-quarkus-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.kafka-streams.bootstrap-servers", kafka.bootstrapServers(),
                "quarkus.kafka-streams.application-id", "verifier-quarkus-" + UUID.randomUUID(),
                "kafka-streams.state.dir", state.toString());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
