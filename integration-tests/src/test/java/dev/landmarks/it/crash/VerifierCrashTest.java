package dev.landmarks.it.crash;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.it.config.ResilienceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier's crash-and-restart scenario on the in-process broker: restarted in place, and replaced. */
class VerifierCrashTest {
    private final ResilienceConfig config = ResilienceConfig.fromEnvironment();

    @TempDir
    Path stateDir;
    @TempDir
    Path otherStateDir;

    @Test
    void verifierKilledMidVerificationAndRestartedInPlaceAnswersEveryImageExactlyOnce() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            VerifierCrashReport report = VerifierCrashScenario.run(kafka.bootstrapServers(), config, stateDir, stateDir);
            assertTrue(report.callsAfterRestart() > 0, "the restarted instance verified");
        }
    }

    @Test
    void verifierKilledMidVerificationAndReplacedWithEmptyStateAnswersEveryImageExactlyOnce() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            VerifierCrashReport report = VerifierCrashScenario.run(kafka.bootstrapServers(), config, stateDir,
                    otherStateDir);
            assertTrue(report.callsAfterRestart() > 0, "the replacement verified");
        }
    }
}
