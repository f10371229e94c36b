package dev.landmarks.it.crash;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.it.config.ResilienceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier's crash-and-restart scenario on the in-process broker. */
class VerifierCrashTest {
    private final ResilienceConfig config = ResilienceConfig.fromEnvironment();

    @TempDir
    Path stateDir;

    @Test
    void verifierKilledMidVerificationAnswersEveryImageExactlyOnceAfterRestart() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            VerifierCrashReport report = VerifierCrashScenario.run(kafka.bootstrapServers(), config, stateDir);
            assertTrue(report.callsAfterRestart() > 0, "the restarted instance verified");
        }
    }
}
