package dev.landmarks.it.crash;

import dev.landmarks.common.kafka.LoopConfig;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.kafka.Await;
import dev.landmarks.it.kafka.OutputLedger;
import dev.landmarks.it.kafka.PipelineTopics;
import dev.landmarks.it.stages.BatchStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6's crash test, for any batch stage, on a broker given by its bootstrap servers: the real handler runs in a
 * {@link TransactionalBatchLoop} wrapped in a {@link CrashingHandler} that dies on the k-th batch after the model ran;
 * the loop stops with that error. A fresh instance (new handler, new loop, same group) is started and consumes from
 * the last committed batch. Every input then has exactly one answer (read_committed): the crashed batch's work is
 * neither lost nor published twice.
 */
public final class CrashRestartScenario {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRestartScenario.class);

    private CrashRestartScenario() {
    }

    public static CrashReport run(String bootstrapServers, BatchStage stage, ResilienceConfig config) throws Exception {
        PipelineTopics.create(bootstrapServers, config.deadline());
        stage.prepare(bootstrapServers);
        List<ProducerRecord<byte[], byte[]>> inputs = stage.inputs(config.crashImages());
        List<String> ids = inputs.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        PipelineTopics.publish(bootstrapServers, inputs);
        LoopConfig loop = new LoopConfig(bootstrapServers, "crash-" + stage.name() + "-" + UUID.randomUUID(),
                stage.inputTopic(), config.maxBatch(), config.pollTimeout());

        try (OutputLedger ledger = new OutputLedger(bootstrapServers, stage.answerTopic())) {
            CrashingHandler crashing = new CrashingHandler(stage.newHandler(bootstrapServers), config.crashOnBatch());
            long committedBefore;
            try (TransactionalBatchLoop first = new TransactionalBatchLoop(loop, crashing)) {
                first.start();
                Await.until("the injected crash stops the first instance", config.deadline(), () -> !first.isRunning());
                assertTrue(InjectedFailure.isCause(first.failure()), "stopped by the injected crash: " + first.failure());
                assertEquals(crashing.crashedBatchSize(), crashing.crashedBatchOutputs(),
                        "the real handler answered every record of the crashed batch before the crash");
                committedBefore = first.consumed();
                assertEquals(crashing.recordsBeforeCrash(), committedBefore,
                        "only the batches before the crash were committed");
                assertTrue(committedBefore < inputs.size(), "records were left for the restart");
            }

            long restart = System.nanoTime();
            long redone;
            try (TransactionalBatchLoop second = new TransactionalBatchLoop(loop, stage.newHandler(bootstrapServers))) {
                second.start();
                Await.until("the restarted instance commits the rest", config.deadline(),
                        () -> second.consumed() >= inputs.size() - committedBefore);
                ledger.awaitAll(ids, config.deadline());
                redone = second.consumed();
                assertNull(second.failure(), "the restarted instance runs without error");
            }
            long restartMillis = (System.nanoTime() - restart) / 1_000_000;
            assertEquals(inputs.size() - committedBefore, redone, "the restart resumed at the last committed batch");
            ledger.readToEnd(config.deadline());
            ledger.assertExactlyOnce(ids);
            CrashReport report = new CrashReport(stage.name(), inputs.size(), committedBefore,
                    crashing.crashedBatchSize(), redone, restartMillis);
            LOG.info("{}", report);
            return report;
        }
    }
}
