package dev.landmarks.it.crash;

import dev.landmarks.common.kafka.Topics;
import dev.landmarks.delf.DelfMain;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.kafka.Await;
import dev.landmarks.it.kafka.OutputLedger;
import dev.landmarks.it.kafka.PipelineTopics;
import dev.landmarks.it.stages.DelfStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delf-service killed for real: {@link DelfMain} runs in a JVM of its own, configured by environment variables as
 * in a container; once it has committed a few batches it gets SIGKILL wherever it is (inside a batch most likely,
 * maybe between publishing and committing). A second process with the same settings is started. Every image then
 * has exactly one answer. How long the second process takes is the figure: it cannot have the partitions before the
 * group coordinator gives up on the dead member (session.timeout.ms, 45 s by default), and if the kill fell between
 * publishing and committing, read_committed readers also wait for the broker to abort the dead transaction.
 */
public final class KilledProcessScenario {
    private static final Logger LOG = LoggerFactory.getLogger(KilledProcessScenario.class);
    /**
     * Longest wait for the restarted process: the dead member's session (45 s) plus, in the worst case, the dead
     * transaction's timeout (TransactionalBatchLoop's 5 min), plus room.
     */
    private static final Duration RECOVERY_DEADLINE = Duration.ofMinutes(7);

    private KilledProcessScenario() {
    }

    /** @return milliseconds from starting the second process to every image answered */
    public static long run(String bootstrapServers, ResilienceConfig config, Path logDir) throws Exception {
        PipelineTopics.create(bootstrapServers, config.deadline());
        List<ProducerRecord<byte[], byte[]>> inputs;
        try (DelfStage stage = new DelfStage(config)) {
            inputs = stage.inputs(config.takeoverImages());
        }
        List<String> ids = inputs.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        Map<String, String> settings = Map.of(
                "kafka.bootstrap-servers", bootstrapServers,
                "delf.group-id", "killed-delf-" + UUID.randomUUID(),
                "delf.max-batch", Integer.toString(config.maxBatch()),
                "delf.poll-timeout", config.pollTimeout().toMillis() + "ms",
                "rootsift.max-side", Integer.toString(config.photoMaxSide()),
                "rootsift.max-features", Integer.toString(config.maxFeatures()));

        try (OutputLedger ledger = new OutputLedger(bootstrapServers, Topics.FEATURES.name())) {
            int answeredBeforeKill;
            try (ServiceProcess first = ServiceProcess.start(DelfMain.class, settings, logDir.resolve("delf-1.log"))) {
                PipelineTopics.publish(bootstrapServers, inputs);
                ledger.awaitAnswers(2 * config.maxBatch(), config.deadline());
                first.kill();
                ledger.readToEnd(config.deadline());
                answeredBeforeKill = ledger.answers();
            }
            assertTrue(answeredBeforeKill < ids.size(), "images were left when the process was killed");

            long restart = System.nanoTime();
            long restartMillis;
            try (ServiceProcess second = ServiceProcess.start(DelfMain.class, settings, logDir.resolve("delf-2.log"))) {
                ledger.awaitAll(ids, RECOVERY_DEADLINE);
                restartMillis = (System.nanoTime() - restart) / 1_000_000;
                // A JVM that ran its shutdown hooks on SIGTERM exits with 128 + 15.
                assertEquals(143, second.stop(), "SIGTERM stops the service through its shutdown hook");
            }
            ledger.readToEnd(config.deadline());
            ledger.assertExactlyOnce(ids);
            LOG.info("delf-service killed (SIGKILL) after {} of {} images were answered; a new process answered the "
                    + "rest, all within {} ms of its start", answeredBeforeKill, ids.size(), restartMillis);
            return restartMillis;
        }
    }
}
