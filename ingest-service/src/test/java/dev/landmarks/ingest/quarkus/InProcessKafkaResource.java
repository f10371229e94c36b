package dev.landmarks.ingest.quarkus;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.quarkus.testing.InProcessKafkaTestResource;
import dev.landmarks.ingest.SampleData;

import java.util.Map;

/**
 * The shared test broker, plus a fresh consumer group and the repository's sample/ folder as the local root, so
 * file: URLs of the sample photos can be ingested.
 */
public class InProcessKafkaResource extends InProcessKafkaTestResource {
    @Override
    protected Map<String, String> configure(InProcessKafka kafka) {
        return Map.of("landmarks.ingest.group-id", freshGroup("ingest-quarkus"),
                "landmarks.fetch.local-root", SampleData.root().toString());
    }
}
