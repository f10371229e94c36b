package dev.landmarks.ingest.fetch;

import dev.landmarks.common.config.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How sources are fetched. Every field has a setting key (environment variable {@code LANDMARKS_<KEY>}, see
 * {@link Settings}) and a default:
 *
 * @param maxBytes       {@code fetch.max-bytes}, default 20000000 (20 MB): larger bodies and files are refused, checked
 *                       against Content-Length first and enforced while reading
 * @param connectTimeout {@code fetch.connect-timeout}, default 5s: TCP (and TLS) connection set-up per hop
 * @param readTimeout    {@code fetch.read-timeout}, default 10s: per hop, from the request to the last body byte
 * @param totalTimeout   {@code fetch.total-timeout}, default 30s: the whole fetch, redirects included, so one slow
 *                       source cannot hold a batch (and the consumer's poll interval) for long
 * @param maxRedirects   {@code fetch.max-redirects}, default 5: redirects followed (each hop is checked like the first)
 * @param concurrency    {@code fetch.concurrency}, default 8: sources fetched at the same time
 * @param allowList      {@code fetch.allow-list}, default empty: comma-separated host names and IP addresses / CIDR
 *                       blocks that may be fetched even though they are private, loopback or link-local
 * @param localRoot      {@code fetch.local-root}, default empty (service mode: http and https only). When set (local
 *                       one-JVM mode), relative paths and file: URLs are also read, but only under this directory
 * @param userAgent      {@code fetch.user-agent}, default "landmarks-ingest/0.1": some image hosts refuse requests
 *                       without one
 */
public record FetchConfig(long maxBytes, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                          int maxRedirects, int concurrency, List<String> allowList, Optional<Path> localRoot,
                          String userAgent) {
    public static final long DEFAULT_MAX_BYTES = 20_000_000L;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final String DEFAULT_USER_AGENT = "landmarks-ingest/0.1";

    public FetchConfig {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("fetch.max-bytes must be >= 1, was " + maxBytes);
        }
        requirePositive("fetch.connect-timeout", connectTimeout);
        requirePositive("fetch.read-timeout", readTimeout);
        requirePositive("fetch.total-timeout", totalTimeout);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("fetch.max-redirects must be >= 0, was " + maxRedirects);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("fetch.concurrency must be >= 1, was " + concurrency);
        }
        allowList = List.copyOf(allowList);
        for (String entry : allowList) {
            if (Cidr.isLiteral(entry.split("/")[0])) {
                Cidr.parse(entry); // fails early, naming the bad entry
            }
        }
        localRoot = localRoot.map(p -> p.toAbsolutePath().normalize());
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("fetch.user-agent must not be blank");
        }
    }

    /** The defaults: service mode, nothing allow-listed. */
    public static FetchConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    public static FetchConfig from(Settings s) {
        return new FetchConfig(
                s.longValue("fetch.max-bytes", DEFAULT_MAX_BYTES),
                s.duration("fetch.connect-timeout", DEFAULT_CONNECT_TIMEOUT),
                s.duration("fetch.read-timeout", DEFAULT_READ_TIMEOUT),
                s.duration("fetch.total-timeout", DEFAULT_TOTAL_TIMEOUT),
                s.integer("fetch.max-redirects", DEFAULT_MAX_REDIRECTS),
                s.integer("fetch.concurrency", DEFAULT_CONCURRENCY),
                splitList(s.string("fetch.allow-list", "")),
                s.path("fetch.local-root"),
                s.string("fetch.user-agent", DEFAULT_USER_AGENT));
    }

    public FetchConfig withAllowList(List<String> entries) {
        return new FetchConfig(maxBytes, connectTimeout, readTimeout, totalTimeout, maxRedirects, concurrency, entries,
                localRoot, userAgent);
    }

    public FetchConfig withLocalRoot(Path root) {
        return new FetchConfig(maxBytes, connectTimeout, readTimeout, totalTimeout, maxRedirects, concurrency,
                allowList, Optional.of(root), userAgent);
    }

    public boolean localMode() {
        return localRoot.isPresent();
    }

    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim().toLowerCase(Locale.ROOT));
            }
        }
        return items;
    }

    private static void requirePositive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
        }
    }
}
