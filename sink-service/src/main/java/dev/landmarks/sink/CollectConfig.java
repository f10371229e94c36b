package dev.landmarks.sink;

import dev.landmarks.common.config.Settings;

import java.time.Duration;
import java.util.Locale;

/**
 * How {@code collect} reads landmark.results.
 *
 * @param timeout          give up waiting for expected ids after this long (setting {@value #TIMEOUT}, default 10m)
 * @param progressInterval time between progress lines on stderr (setting {@value #PROGRESS_INTERVAL}, default 5s)
 * @param pollTimeout      longest single wait for new records (setting {@value #POLL_TIMEOUT}, default 500ms);
 *                         bounds how late a stop or a progress line can be
 * @param fromBeginning    read the topic from its first record (setting {@value #FROM}: "earliest", the default) or
 *                         only results produced after collect started ("latest")
 */
public record CollectConfig(Duration timeout, Duration progressInterval, Duration pollTimeout, boolean fromBeginning) {
    public static final String TIMEOUT = "collect.timeout";
    public static final String PROGRESS_INTERVAL = "collect.progress-interval";
    public static final String POLL_TIMEOUT = "collect.poll-timeout";
    public static final String FROM = "collect.from";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    public static final String DEFAULT_FROM = "earliest";

    public CollectConfig {
        requirePositive(TIMEOUT, timeout);
        requirePositive(PROGRESS_INTERVAL, progressInterval);
        requirePositive(POLL_TIMEOUT, pollTimeout);
    }

    public static CollectConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    public static CollectConfig from(Settings s) {
        String from = s.string(FROM, DEFAULT_FROM).toLowerCase(Locale.ROOT);
        if (!from.equals("earliest") && !from.equals("latest")) {
            throw new IllegalArgumentException(FROM + " must be 'earliest' or 'latest', was '" + from + "'");
        }
        return new CollectConfig(s.duration(TIMEOUT, DEFAULT_TIMEOUT),
                s.duration(PROGRESS_INTERVAL, DEFAULT_PROGRESS_INTERVAL),
                s.duration(POLL_TIMEOUT, DEFAULT_POLL_TIMEOUT),
                from.equals("earliest"));
    }

    private static void requirePositive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
        }
    }
}
