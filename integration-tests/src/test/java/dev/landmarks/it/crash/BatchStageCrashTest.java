package dev.landmarks.it.crash;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.stages.BatchStage;
import dev.landmarks.it.stages.ClassifierStage;
import dev.landmarks.it.stages.DelfStage;
import dev.landmarks.it.stages.IngestStage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash-and-restart scenario for each batch service on the in-process broker (a fresh broker per test: the
 * stages write to the catalog's fixed topics). The DELF one has a twin on Docker:
 * dev.landmarks.it.containers.KafkaContainerTwinsTest.
 */
class BatchStageCrashTest {
    private final ResilienceConfig config = ResilienceConfig.fromEnvironment();

    @Test
    void ingestKilledAfterFetchingLosesAndDuplicatesNothing() throws Exception {
        try (IngestStage stage = new IngestStage(config)) {
            crashAndRestart(stage);
        }
    }

    @Test
    void delfKilledAfterExtractingLosesAndDuplicatesNothing() throws Exception {
        try (DelfStage stage = new DelfStage(config)) {
            crashAndRestart(stage);
        }
    }

    @Test
    void classifierKilledAfterRetrievalLosesAndDuplicatesNothing() throws Exception {
        try (ClassifierStage stage = new ClassifierStage(config)) {
            crashAndRestart(stage);
        }
    }

    private void crashAndRestart(BatchStage stage) throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            CrashReport report = CrashRestartScenario.run(kafka.bootstrapServers(), stage, config);
            assertTrue(report.crashedBatch() > 0, "a batch was in hand when the crash struck");
            assertEquals(config.crashImages(), report.committedBefore() + report.redoneAfterRestart());
        }
    }
}
