package dev.landmarks.delf.quarkus;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/**
 * A real in-process KRaft broker for the @QuarkusTest, started before Quarkus boots, with the catalog's topics
 * created (as the compose "topics" step does) and a fresh consumer group per run.
 */
public class InProcessKafkaResource implements QuarkusTestResourceLifecycleManager {
    private InProcessKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = InProcessKafka.start();
        kafka.createTopics(Topics.ALL);
        return Map.of("landmarks.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "landmarks.delf.group-id", "delf-quarkus-" + UUID.randomUUID());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
