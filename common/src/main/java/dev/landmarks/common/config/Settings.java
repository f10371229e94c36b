package dev.landmarks.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place configuration is read from. A key such as {@code ingest.max-side} is looked up, first hit wins, in:
 * explicit overrides (command-line options), Java system properties ({@code -Dlandmarks.ingest.max-side=...}),
 * the environment ({@code LANDMARKS_INGEST_MAX_SIDE}); otherwise the caller's documented default applies.
 * Config records (FetchConfig, ...) call this in their {@code from(Settings)} factories and validate the values.
 */
public final class Settings {
    private final Map<String, String> overrides;
    private final Map<String, String> environment;

    private Settings(Map<String, String> overrides, Map<String, String> environment) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
    }

    public static Settings fromEnvironment() {
        return new Settings(Map.of(), System.getenv());
    }

    /** Settings with only the given values (tests, and the command line's explicit options). */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, Map.of());
    }

    /** A copy where {@code values} win over everything this instance knows. */
    public Settings with(Map<String, String> values) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(values);
        return new Settings(merged, environment);
    }

    public static String environmentName(String key) {
        return "LANDMARKS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> find(String key) {
        String v = overrides.get(key);
        if (v == null) {
            v = System.getProperty("landmarks." + key);
        }
        if (v == null) {
            v = environment.get(environmentName(key));
        }
        return Optional.ofNullable(v).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue) {
        return find(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    public long longValue(String key, long defaultValue) {
        return find(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
    }

    public double decimal(String key, double defaultValue) {
        return find(key).map(v -> parse(key, v, Double::parseDouble)).orElse(defaultValue);
    }

    public boolean flag(String key, boolean defaultValue) {
        return find(key).map(v -> parse(key, v, Settings::parseBoolean)).orElse(defaultValue);
    }

    /** Durations as ISO-8601 ("PT10S") or a number with a unit suffix: "250ms", "10s", "2m". */
    public Duration duration(String key, Duration defaultValue) {
        return find(key).map(v -> parse(key, v, Settings::parseDuration)).orElse(defaultValue);
    }

    public Optional<Path> path(String key) {
        return find(key).map(Path::of);
    }

    private static boolean parseBoolean(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    static Duration parseDuration(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        if (s.startsWith("pt") || s.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        if (s.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
        }
        return Duration.ofMillis(Long.parseLong(s));
    }

    private <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "setting " + key + " (" + environmentName(key) + ") has an unreadable value '" + value + "'", e);
        }
    }
}
