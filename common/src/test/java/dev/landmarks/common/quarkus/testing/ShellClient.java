package dev.landmarks.common.quarkus.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * HTTP to a running batch shell in a @QuarkusTest ({@code @TestHTTPResource("/") URI}): waits for readiness (and
 * then liveness), scrapes /q/metrics until the metrics say what the test expects. Each wait polls every
 * {@link #POLL_INTERVAL} up to {@link #DEADLINE}: a slow machine waits longer, never passes wrongly.
 */
public final class ShellClient {
    public static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI root;
    private final String service;

    /** @param service the {@code service} label of the shell's metrics */
    public ShellClient(URI root, String service) {
        this.root = root;
        this.service = service;
    }

    /** Polls /q/health/ready until it answers 200, then checks that /q/health/live answers 200; returns the former. */
    public HttpResponse<String> awaitReadyAndLive() throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            last = get("/q/health/ready");
            if (last.statusCode() == 200) {
                HttpResponse<String> live = get("/q/health/live");
                if (live.statusCode() != 200) {
                    throw new AssertionError("ready but not live: " + live.body());
                }
                return last;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("/q/health/ready never answered 200, last: " + (last == null ? null : last.body()));
    }

    /**
     * Scrapes /q/metrics until {@code done} holds, then returns the next scrape. One scrape reads the meters one after
     * another while the service may still be counting, so the scrape that first satisfies {@code done} can show a
     * meter read before the update that made {@code done} true; every update made before that scrape ended is in the
     * next one.
     */
    public PrometheusSamples awaitMetrics(Predicate<PrometheusSamples> done) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        PrometheusSamples samples = new PrometheusSamples("", service);
        while (System.nanoTime() < end) {
            samples = new PrometheusSamples(get("/q/metrics").body(), service);
            if (done.test(samples)) {
                return new PrometheusSamples(get("/q/metrics").body(), service);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("metrics never reached the expected values:\n" + samples);
    }

    /** @param path absolute ("/q/...") */
    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
