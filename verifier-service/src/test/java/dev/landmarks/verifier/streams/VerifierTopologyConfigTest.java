package dev.landmarks.verifier.streams;

import dev.landmarks.common.config.Settings;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifierTopologyConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        VerifierTopologyConfig c = VerifierTopologyConfig.defaults();
        assertEquals(6, c.referencePartitions());
        assertEquals(Duration.ofHours(24), c.pendingTtl());
        assertEquals(Duration.ofMinutes(1), c.pendingSweepInterval());
        assertEquals(1, c.streamThreads());
        assertEquals(Duration.ofMillis(100), c.commitInterval());
        assertEquals(Duration.ofSeconds(60), c.transactionTimeout());
        assertEquals(-1, c.replicationFactor());
        assertEquals(16 * 1024 * 1024, c.maxRecordBytes());
        assertEquals(512 * 1024, c.deadLetterMaxBytes());
    }

    @Test
    void settingsOverrideDefaults() {
        VerifierTopologyConfig c = VerifierTopologyConfig.from(Settings.of(Map.of(
                "verifier.reference-partitions", "12", "verifier.pending-ttl", "2m",
                "verifier.stream-threads", "3", "verifier.replication-factor", "3",
                "verifier.state-dir", "/var/lib/verifier")));
        assertEquals(12, c.referencePartitions());
        assertEquals(Duration.ofMinutes(2), c.pendingTtl());
        assertEquals(3, c.streamThreads());
        assertEquals(3, c.replicationFactor());
        assertEquals(Path.of("/var/lib/verifier"), c.stateDir());
    }

    @Test
    void invalidValuesAreRefusedWithTheirKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VerifierTopologyConfig.from(
                Settings.of(Map.of("verifier.reference-partitions", "0"))));
        assertEquals(true, e.getMessage().contains("verifier.reference-partitions"));
        assertThrows(IllegalArgumentException.class, () -> VerifierTopologyConfig.from(
                Settings.of(Map.of("verifier.pending-ttl", "0s"))));
        assertThrows(IllegalArgumentException.class, () -> VerifierTopologyConfig.from(
                Settings.of(Map.of("verifier.replication-factor", "0"))));
        assertThrows(IllegalArgumentException.class, () -> VerifierTopologyConfig.from(
                Settings.of(Map.of("verifier.transaction-timeout", "50ms"))));
    }

    @Test
    void streamsConfigIsExactlyOnceAndReusesTheReferencesTopic() {
        Properties p = VerifierTopology.streamsConfig("broker:9092", "verifier", VerifierTopologyConfig.defaults());
        StreamsConfig streams = new StreamsConfig(p);
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS,
                streams.getString(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG));
        assertEquals("verifier", streams.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals(16 * 1024 * 1024, p.get("producer.max.request.size"));
        assertEquals(16 * 1024 * 1024, p.get("topic.max.message.bytes"));
        assertEquals(60_000, p.get("producer.transaction.timeout.ms"));
    }
}
