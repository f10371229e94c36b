package dev.landmarks.ingest.quarkus;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.ingest.SampleData;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/**
 * A real in-process KRaft broker for the @QuarkusTest, started before Quarkus boots, with the catalog's topics
 * created (as the compose "topics" step does), a fresh consumer group, and the repository's sample/ folder as the
 * local root so file: URLs of the sample photos can be ingested.
 */
public class InProcessKafkaResource implements QuarkusTestResourceLifecycleManager {
    private InProcessKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = InProcessKafka.start();
        kafka.createTopics(Topics.ALL);
        return Map.of("landmarks.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "landmarks.ingest.group-id", "ingest-quarkus-" + UUID.randomUUID(),
                "landmarks.fetch.local-root", SampleData.root().toString());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
