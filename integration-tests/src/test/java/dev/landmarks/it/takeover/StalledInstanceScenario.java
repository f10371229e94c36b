package dev.landmarks.it.takeover;

import dev.landmarks.common.kafka.LoopConfig;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.kafka.Await;
import dev.landmarks.it.kafka.ConsumerGroups;
import dev.landmarks.it.kafka.OutputLedger;
import dev.landmarks.it.kafka.PipelineTopics;
import dev.landmarks.it.stages.BatchStage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A takeover the stopped instance does not agree to: instance A freezes after answering a batch (its answers held by
 * a {@link StallingHandler}), exceeds {@code max.poll.interval.ms} and is dropped from the group; B is given A's
 * partitions and answers everything, the frozen batch included. Then A wakes up and tries to publish and commit its
 * stale answers. The group coordinator must refuse A's offsets (A's generation is gone), so A's transaction aborts and
 * its answers stay invisible to read_committed readers: every image still has exactly one answer.
 */
public final class StalledInstanceScenario {
    private static final Logger LOG = LoggerFactory.getLogger(StalledInstanceScenario.class);

    private StalledInstanceScenario() {
    }

    /** @return the error that stopped A when it came back (the refused commit) */
    public static Throwable run(String bootstrapServers, BatchStage stage, ResilienceConfig config) throws Exception {
        PipelineTopics.create(bootstrapServers, config.deadline());
        stage.prepare(bootstrapServers);
        List<ProducerRecord<byte[], byte[]>> inputs = TakeoverScenario.spread(stage.inputs(config.crashImages()),
                Topics.DEFAULT_PARTITIONS);
        List<String> ids = TakeoverScenario.ids(inputs);
        LoopConfig loop = new LoopConfig(bootstrapServers, "stalled-" + stage.name() + "-" + UUID.randomUUID(),
                stage.inputTopic(), config.maxBatch(), config.pollTimeout(),
                Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) config.stallPollInterval().toMillis()));
        StallingHandler stalling = new StallingHandler(stage.newHandler(bootstrapServers), config.crashOnBatch());

        try (OutputLedger ledger = new OutputLedger(bootstrapServers, stage.answerTopic());
             TransactionalBatchLoop a = new TransactionalBatchLoop(loop, stalling);
             TransactionalBatchLoop b = new TransactionalBatchLoop(loop, stage.newHandler(bootstrapServers))) {
            try {
                a.start();
                b.start();
                ConsumerGroups.awaitStable(bootstrapServers, loop.groupId(), 2, config.deadline());
                PipelineTopics.publish(bootstrapServers, inputs);
                assertTrue(stalling.stalled().await(config.deadline().toMillis(), TimeUnit.MILLISECONDS),
                        "A froze holding the answers of its batch " + config.crashOnBatch());
                long beforeStall = a.consumed();
                Await.until("B answers everything A had not committed, A's frozen batch included", config.deadline(),
                        () -> b.consumed() == inputs.size() - beforeStall);
            } finally {
                stalling.release();
            }
            Await.until("A, woken up, stops on its refused commit", config.deadline(), () -> !a.isRunning());
            Throwable refused = a.failure();
            assertNotNull(refused, "A's late commit was refused");
            assertEquals(inputs.size() - a.consumed(), b.consumed(), "nothing A held was committed by A");
            b.close();
            assertNull(b.failure(), "B ran without error");

            ledger.awaitAll(ids, config.deadline());
            ledger.readToEnd(config.deadline());
            ledger.assertExactlyOnce(ids);
            LOG.info("{} stalled instance: {} records; A committed {} and froze with {} answers in hand for longer "
                            + "than max.poll.interval.ms {} ms; B committed {}; A's late commit was refused with: {}",
                    stage.name(), inputs.size(), a.consumed(), stalling.stalledBatchSize(),
                    config.stallPollInterval().toMillis(), b.consumed(), refused.toString());
            return refused;
        }
    }
}
