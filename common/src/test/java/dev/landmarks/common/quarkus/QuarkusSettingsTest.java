package dev.landmarks.common.quarkus;

import dev.landmarks.common.config.Settings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Quarkus' configuration (SmallRye Config, as in the shells) seen as the plain services' settings. */
class QuarkusSettingsTest {
    @Test
    void landmarksPropertiesBecomeSettingKeysWithoutThePrefix() {
        SmallRyeConfig config = config(Map.of(
                "landmarks.fetch.max-bytes", "1234",
                "landmarks.kafka.bootstrap-servers", "kafka:9092",
                "landmarks.ingest.max-side", "",
                "quarkus.http.port", "8080",
                "landmarks-other.key", "x"));

        Map<String, String> values = QuarkusSettings.landmarksProperties(config);

        assertEquals(Map.of("fetch.max-bytes", "1234", "kafka.bootstrap-servers", "kafka:9092"), values,
                "empty values are unset, other prefixes are not settings");
        Settings settings = QuarkusSettings.from(config);
        assertEquals(1234, settings.integer("fetch.max-bytes", 1));
        assertEquals(512, settings.integer("ingest.max-side", 512), "empty: the documented default");
        assertEquals(Optional.empty(), settings.find("http.port"));
    }

    @Test
    void aQuarkusValueWinsOverTheEnvironmentAndFeedsTheShellsConfigRecords() {
        String key = "health.timeout";
        Settings settings = QuarkusSettings.from(config(Map.of("landmarks." + key, "750ms")));
        assertEquals(Duration.ofMillis(750), ShellHealthConfig.from(settings).brokerTimeout());
        assertEquals(ShellHealthConfig.DEFAULT_BROKER_TIMEOUT,
                ShellHealthConfig.from(Settings.of(Map.of())).brokerTimeout());
        assertThrows(IllegalArgumentException.class,
                () -> ShellHealthConfig.from(Settings.of(Map.of(key, "0s"))));
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
    }
}
