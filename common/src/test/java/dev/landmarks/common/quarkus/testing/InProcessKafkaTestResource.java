package dev.landmarks.common.quarkus.testing;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real in-process KRaft broker for a batch shell's @QuarkusTest, started before Quarkus boots, with the catalog's
 * topics created (as the compose "topics" step does); the shell finds it through
 * {@code landmarks.kafka.bootstrap-servers}. A module subclasses it (Quarkus instantiates the class named in
 * {@code @WithTestResource}) and adds its own properties, such as a fresh consumer group, or fills topics first.
 * The module's test class path needs kafka_2.13 and kafka-server (as for any use of {@link InProcessKafka}).
 */
public abstract class InProcessKafkaTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String BOOTSTRAP_SERVERS = "landmarks.kafka.bootstrap-servers";
    private InProcessKafka kafka;

    @Override
    public final Map<String, String> start() {
        kafka = InProcessKafka.start();
        kafka.createTopics(Topics.ALL);
        Map<String, String> properties = new HashMap<>(configure(kafka));
        properties.put(BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        return properties;
    }

    /** The module's own properties for this run; the topics exist when this is called. */
    protected abstract Map<String, String> configure(InProcessKafka kafka);

    /** A consumer group no earlier run has committed in: {@code prefix-<uuid>}. */
    protected static String freshGroup(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Override
    public final void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
