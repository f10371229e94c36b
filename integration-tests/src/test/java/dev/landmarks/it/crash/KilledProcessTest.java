package dev.landmarks.it.crash;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.it.config.ResilienceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delf-service process killed with SIGKILL and started again, on the in-process broker. Tagged "kill" and left
 * out of the default run (see the module's pom): the new process must wait for the dead member's session to expire
 * (45 s), up to minutes if the kill fell inside a commit. Run: docs/resilience.md.
 */
@Tag("kill")
class KilledProcessTest {
    private final ResilienceConfig config = ResilienceConfig.fromEnvironment();

    @TempDir
    Path logs;

    @Test
    void delfServiceKilledWithSigkillAnswersEveryImageExactlyOnceAfterARestart() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            long restartMillis = KilledProcessScenario.run(kafka.bootstrapServers(), config, logs);
            assertTrue(restartMillis > 0);
        }
    }
}
