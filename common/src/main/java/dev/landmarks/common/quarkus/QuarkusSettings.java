package dev.landmarks.common.quarkus;

import dev.landmarks.common.config.Settings;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Settings} of a Quarkus shell: every property under {@code landmarks.} in Quarkus' configuration
 * (application.properties, with its {@code ${LANDMARKS_...}} expansions, system properties, {@code %test.} values) is
 * the setting key without the prefix ({@code landmarks.fetch.max-bytes} is {@code fetch.max-bytes}) and wins over the
 * {@code LANDMARKS_*} environment that the plain mains read; keys Quarkus does not list are read from that environment
 * all the same. So a shell builds its config records exactly as its plain {@code main} does. Properties whose value is
 * empty are not set (Quarkus reports them absent), so the documented default applies.
 */
public final class QuarkusSettings {
    /** Quarkus properties under this prefix are setting keys. */
    public static final String PREFIX = "landmarks.";

    private QuarkusSettings() {
    }

    public static Settings from(Config config) {
        return Settings.fromEnvironment().with(landmarksProperties(config));
    }

    /** The {@code landmarks.*} properties with a value, keyed without the prefix. */
    static Map<String, String> landmarksProperties(Config config) {
        Map<String, String> values = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(v -> values.put(name.substring(PREFIX.length()), v));
            }
        }
        return values;
    }
}
