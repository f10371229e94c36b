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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6's takeover, for any batch stage: two instances A and B of the real handler, each in its own
 * {@link TransactionalBatchLoop}, one consumer group, on the 6-partition input topic of a broker given by its
 * bootstrap servers (the in-process broker here, a Docker one in the Testcontainers twin).
 *
 * <ol>
 *   <li>both join and the group settles with three partitions each; a first wave of records (spread over all six
 *       partitions) is processed: both instances commit some, the load splits;</li>
 *   <li>a second wave is published; as soon as A is handed a record of it, A is closed (it finishes and commits the
 *       batch in hand) while records are still waiting;</li>
 *   <li>B is reassigned A's partitions and drains them. Every input id then has exactly one answer on the stage's
 *       output topic read with read_committed: none lost, none twice.</li>
 * </ol>
 */
public final class TakeoverScenario {
    private static final Logger LOG = LoggerFactory.getLogger(TakeoverScenario.class);

    private TakeoverScenario() {
    }

    public static TakeoverReport run(String bootstrapServers, BatchStage stage, ResilienceConfig config)
            throws Exception {
        PipelineTopics.create(bootstrapServers, config.deadline());
        stage.prepare(bootstrapServers);
        int partitions = Topics.DEFAULT_PARTITIONS;
        List<ProducerRecord<byte[], byte[]>> inputs = spread(stage.inputs(config.takeoverImages()), partitions);
        // A first wave of a third, so that most of the stream is still to come when A is stopped.
        List<ProducerRecord<byte[], byte[]>> firstWave = inputs.subList(0, inputs.size() / 3);
        List<ProducerRecord<byte[], byte[]>> secondWave = inputs.subList(inputs.size() / 3, inputs.size());
        Set<String> secondWaveIds = new HashSet<>(ids(secondWave));

        String group = "takeover-" + stage.name() + "-" + UUID.randomUUID();
        LoopConfig loop = new LoopConfig(bootstrapServers, group, stage.inputTopic(), config.maxBatch(),
                config.pollTimeout());
        RecordingHandler handlerA = new RecordingHandler(stage.newHandler(bootstrapServers), secondWaveIds::contains);
        RecordingHandler handlerB = new RecordingHandler(stage.newHandler(bootstrapServers), id -> false);
        try (TransactionalBatchLoop a = new TransactionalBatchLoop(loop, handlerA);
             TransactionalBatchLoop b = new TransactionalBatchLoop(loop, handlerB);
             OutputLedger ledger = new OutputLedger(bootstrapServers, stage.answerTopic())) {
            a.start();
            b.start();
            ConsumerGroups.awaitStable(bootstrapServers, group, 2, config.deadline());

            PipelineTopics.publish(bootstrapServers, firstWave);
            Await.until("the first wave is committed", config.deadline(),
                    () -> a.consumed() + b.consumed() == firstWave.size());
            long firstA = a.consumed();
            long firstB = b.consumed();
            assertTrue(firstA > 0 && firstB > 0, "the load splits: A committed " + firstA + ", B " + firstB);
            Set<Integer> partitionsA = handlerA.partitionsFrom(0);

            PipelineTopics.publish(bootstrapServers, secondWave);
            assertTrue(handlerA.sawMarked().await(config.deadline().toMillis(), TimeUnit.MILLISECONDS),
                    "A is handed records of the second wave");
            long closeStart = System.nanoTime();
            a.close();
            long stopped = System.nanoTime();
            assertFalse(a.isRunning(), "A has stopped");
            assertNull(a.failure(), "a requested stop is not a failure");
            long byA = a.consumed();
            long remaining = inputs.size() - byA - b.consumed();
            assertTrue(remaining > 0, "records were left when A stopped (A " + byA + ", B " + b.consumed() + ")");
            int markB = handlerB.handled();

            Await.until("B commits every record A left", config.deadline(), () -> a.consumed() + b.consumed() == inputs.size());
            long drained = System.nanoTime();
            Set<Integer> takenOver = handlerB.partitionsFrom(markB);
            takenOver.retainAll(partitionsA);
            assertFalse(takenOver.isEmpty(), "B worked on A's partitions " + partitionsA + " after A stopped");
            b.close();
            assertNull(b.failure(), "B ran without error");

            ledger.awaitAll(ids(inputs), config.deadline());
            ledger.readToEnd(config.deadline());
            ledger.assertExactlyOnce(ids(inputs));

            TakeoverReport report = new TakeoverReport(stage.name(), inputs.size(), firstA, firstB, partitionsA, byA,
                    remaining, b.consumed(), takenOver, (stopped - closeStart) / 1_000_000,
                    (drained - stopped) / 1_000_000);
            LOG.info("{}", report);
            return report;
        }
    }

    /** Record i goes to partition i mod n, so every partition, and with it each instance, gets work. */
    static List<ProducerRecord<byte[], byte[]>> spread(List<ProducerRecord<byte[], byte[]>> records, int n) {
        return java.util.stream.IntStream.range(0, records.size())
                .mapToObj(i -> new ProducerRecord<>(records.get(i).topic(), i % n, records.get(i).key(),
                        records.get(i).value()))
                .toList();
    }

    static List<String> ids(List<ProducerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }
}
