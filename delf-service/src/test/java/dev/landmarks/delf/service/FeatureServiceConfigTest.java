package dev.landmarks.delf.service;

import dev.landmarks.common.config.Settings;
import dev.landmarks.proto.DescriptorEncoding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeatureServiceConfigTest {
    @Test
    void defaults() {
        FeatureServiceConfig c = FeatureServiceConfig.from(Settings.of(Map.of()));

        assertEquals("localhost:9092", c.bootstrapServers());
        assertEquals("delf-service", c.groupId());
        assertEquals(16, c.maxBatch());
        assertEquals(Duration.ofMillis(500), c.pollTimeout());
        assertEquals(DescriptorEncoding.INT8, c.encoding());
        assertEquals(1_000_000, c.maxRecordBytes());
        assertEquals(1, c.replicationFactor());
    }

    @Test
    void aBlankBootstrapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FeatureServiceConfig.defaults(" "));
    }

    @Test
    void settingsAreRead() {
        FeatureServiceConfig c = FeatureServiceConfig.from(Settings.of(Map.of(
                "kafka.bootstrap-servers", "k:1", "features.encoding", "float16", "delf.max-batch", "4",
                "delf.poll-timeout", "2s", "features.max-record-bytes", "900000")));

        assertEquals("k:1", c.bootstrapServers());
        assertEquals(DescriptorEncoding.FLOAT16, c.encoding());
        assertEquals(4, c.loopConfig("t").maxBatch());
        assertEquals(Duration.ofSeconds(2), c.pollTimeout());
        assertEquals(900_000, c.maxRecordBytes());
    }

    @Test
    void badValuesAreRefused() {
        for (Map<String, String> bad : List.of(
                Map.of("features.encoding", "jpeg"),
                Map.of("features.encoding", "DESCRIPTOR_ENCODING_UNSPECIFIED"),
                Map.of("delf.max-batch", "0"),
                Map.of("features.max-record-bytes", "100"))) {
            assertThrows(IllegalArgumentException.class, () -> FeatureServiceConfig.from(Settings.of(bad)), bad.toString());
        }
    }
}
