package dev.landmarks.it.takeover;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.stages.ClassifierStage;
import dev.landmarks.it.stages.DelfStage;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The takeover scenario on the in-process broker (one fresh broker per test: the stages write to the catalog's fixed
 * topic names), for the DELF feature stage (the must-show) and the classifier's weight-free retrieval stage, and the
 * takeover of a stalled DELF instance that comes back. Twin on Docker: dev.landmarks.it.containers.KafkaContainerTwinsTest.
 */
class BatchStageTakeoverTest {
    private final ResilienceConfig config = ResilienceConfig.fromEnvironment();

    @Test
    void aSecondDelfInstanceTakesOverWithNoImageLostOrAnsweredTwice() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start(); DelfStage stage = new DelfStage(config)) {
            TakeoverReport report = TakeoverScenario.run(kafka.bootstrapServers(), stage, config);
            assertEquals(config.takeoverImages(), report.committedByA() + report.committedByB());
        }
    }

    @Test
    void aStalledDelfInstanceThatComesBackAfterTheTakeoverPublishesNothing() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start(); DelfStage stage = new DelfStage(config)) {
            Throwable refused = StalledInstanceScenario.run(kafka.bootstrapServers(), stage, config);
            assertTrue(refused instanceof CommitFailedException, "its offsets were refused by the group coordinator: " + refused);
        }
    }

    @Test
    void aSecondClassifierInstanceTakesOverWithNoImageLostOrAnsweredTwice() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start(); ClassifierStage stage = new ClassifierStage(config)) {
            TakeoverReport report = TakeoverScenario.run(kafka.bootstrapServers(), stage, config);
            assertEquals(config.takeoverImages(), report.committedByA() + report.committedByB());
        }
    }
}
