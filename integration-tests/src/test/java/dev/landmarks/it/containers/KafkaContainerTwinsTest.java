package dev.landmarks.it.containers;

import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.crash.CrashReport;
import dev.landmarks.it.crash.CrashRestartScenario;
import dev.landmarks.it.stages.DelfStage;
import dev.landmarks.it.takeover.TakeoverReport;
import dev.landmarks.it.takeover.TakeoverScenario;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same scenario bodies as the in-process tests (dev.landmarks.it.takeover.BatchStageTakeoverTest and
 * dev.landmarks.it.crash.BatchStageCrashTest), on a Kafka broker in Docker: the official apache/kafka image in KRaft
 * mode through Testcontainers, a fresh container per test (the stages write to the catalog's fixed topics). Skipped
 * cleanly where no Docker engine runs; the in-process twins always run.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerTwinsTest {
    private final ResilienceConfig config = ResilienceConfig.fromEnvironment();

    @Test
    void aSecondDelfInstanceTakesOverOnDockerKafka() throws Exception {
        try (KafkaContainer kafka = startKafka(); DelfStage stage = new DelfStage(config)) {
            TakeoverReport report = TakeoverScenario.run(kafka.getBootstrapServers(), stage, config);
            assertEquals(config.takeoverImages(), report.committedByA() + report.committedByB());
        }
    }

    @Test
    void delfKilledAfterExtractingLosesAndDuplicatesNothingOnDockerKafka() throws Exception {
        try (KafkaContainer kafka = startKafka(); DelfStage stage = new DelfStage(config)) {
            CrashReport report = CrashRestartScenario.run(kafka.getBootstrapServers(), stage, config);
            assertEquals(config.crashImages(), report.committedBefore() + report.redoneAfterRestart());
        }
    }

    /** A single KRaft node; the image sets the internal topics' replication to 1, as a one-node broker needs. */
    private KafkaContainer startKafka() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(config.kafkaImage()))
                // Like the in-process broker: topics exist only when the catalog creates them.
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        kafka.start();
        return kafka;
    }
}
