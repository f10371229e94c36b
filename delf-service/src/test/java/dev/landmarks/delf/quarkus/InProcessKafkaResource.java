package dev.landmarks.delf.quarkus;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.quarkus.testing.InProcessKafkaTestResource;

import java.util.Map;

/** The shared test broker, plus a fresh consumer group per run. */
public class InProcessKafkaResource extends InProcessKafkaTestResource {
    @Override
    protected Map<String, String> configure(InProcessKafka kafka) {
        return Map.of("landmarks.delf.group-id", freshGroup("delf-quarkus"));
    }
}
