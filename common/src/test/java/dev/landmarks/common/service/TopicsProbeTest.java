package dev.landmarks.common.service;

import dev.landmarks.common.kafka.BrokerExtension;
import dev.landmarks.common.kafka.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readiness probe against a real broker, and against a port where no broker listens. */
class TopicsProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    @RegisterExtension
    static final BrokerExtension broker = new BrokerExtension();

    @BeforeAll
    static void createSomeTopics() {
        broker.kafka().createTopics(List.of(Topics.REQUESTS, Topics.IMAGES));
    }

    @Test
    void namesTheMissingTopicsInTheOrderAsked() {
        try (TopicsProbe probe = new TopicsProbe(broker.bootstrapServers(), TIMEOUT)) {
            TopicsProbe.Outcome some = probe.check(List.of(Topics.RESULTS.name(), Topics.REQUESTS.name(),
                    Topics.DEAD_LETTERS.name()));
            assertEquals(List.of(Topics.RESULTS.name(), Topics.DEAD_LETTERS.name()), some.missing());
            assertNull(some.brokerError());
            assertFalse(some.allPresent());

            TopicsProbe.Outcome all = probe.check(List.of(Topics.REQUESTS.name(), Topics.IMAGES.name()));
            assertTrue(all.allPresent(), all.toString());
        }
    }

    @Test
    void aBrokerThatDoesNotAnswerIsAnErrorNamingTheServersNotAMissingTopic() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String servers = "127.0.0.1:" + closedPort;
        try (TopicsProbe probe = new TopicsProbe(servers, Duration.ofMillis(500))) {
            TopicsProbe.Outcome outcome = probe.check(List.of(Topics.REQUESTS.name()));
            assertFalse(outcome.allPresent());
            assertTrue(outcome.brokerError().startsWith(servers + ": "), outcome.brokerError());
            assertEquals(List.of(), outcome.missing());
        }
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TopicsProbe(" ", TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> new TopicsProbe("localhost:9092", Duration.ZERO));
    }
}
