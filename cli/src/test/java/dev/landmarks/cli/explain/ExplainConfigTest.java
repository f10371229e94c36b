package dev.landmarks.cli.explain;

import dev.landmarks.common.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExplainConfigTest {
    @Test
    void defaultsAndSettings() {
        assertEquals(ExplainConfig.defaults(), ExplainConfig.from(Settings.of(Map.of())));
        assertEquals(new ExplainConfig(240, 0, 12), ExplainConfig.from(Settings.of(Map.of(
                "explain.height", "240", "explain.outlier-lines", "0", "explain.font-size", "12"))));
    }

    @Test
    void refusesUnusableValues() {
        assertThrows(IllegalArgumentException.class, () -> new ExplainConfig(8, 10, 16));
        assertThrows(IllegalArgumentException.class, () -> new ExplainConfig(480, -1, 16));
        assertThrows(IllegalArgumentException.class, () -> new ExplainConfig(480, 10, 2));
    }
}
