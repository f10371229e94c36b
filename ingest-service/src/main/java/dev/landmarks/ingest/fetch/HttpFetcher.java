package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs an http(s) URL under the limits of a {@link FetchConfig}. Redirects are followed by hand, not by the client,
 * so that every hop passes the same checks as the first (scheme, address policy) and the count is ours. Non-2xx
 * bodies are discarded unread; 2xx bodies go through {@link LimitedBody}.
 */
final class HttpFetcher {
    private static final Map<Integer, String> STATUS_NAMES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final FetchConfig config;
    private final AddressPolicy addresses;
    private final HttpClient client;

    HttpFetcher(FetchConfig config, AddressPolicy addresses) {
        this.config = config;
        this.addresses = addresses;
        // HTTP/1.1: every image host speaks it, and it avoids h2c upgrade surprises on plain http.
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    byte[] fetch(Source.Http source) throws FetchException {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        URI current = source.uri();
        for (int redirects = 0; ; redirects++) {
            addresses.check(current.getHost());
            HttpResponse<byte[]> response = exchange(current, deadline);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            if (isRedirect(status)) {
                if (redirects == config.maxRedirects()) {
                    throw new FetchException(FailureReason.TOO_MANY_REDIRECTS, "more than " + config.maxRedirects()
                            + " redirects, starting at " + source.requested() + " (last: " + current + ")");
                }
                current = redirectTarget(current, status, response.headers().firstValue("Location"));
                continue;
            }
            String line = "HTTP " + status + Optional.ofNullable(STATUS_NAMES.get(status)).map(n -> " " + n).orElse("")
                    + " from " + current;
            throw new FetchException(status == 404 || status == 410 ? FailureReason.NOT_FOUND : FailureReason.HTTP_ERROR,
                    line);
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, long deadline) throws FetchException {
        long remaining = deadline - System.nanoTime();
        Duration perHop = config.connectTimeout().plus(config.readTimeout());
        boolean limitedByTotal = remaining < perHop.toNanos();
        if (remaining <= 0) {
            throw totalTimeout(uri);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "image/*,*/*;q=0.5")
                .GET()
                .build();
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            if (info.statusCode() < 200 || info.statusCode() >= 300) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            LimitedBody limited = new LimitedBody(config.maxBytes(),
                    info.headers().firstValueAsLong("Content-Length").orElse(-1L));
            body.set(limited);
            return limited;
        });
        try {
            return future.get(Math.min(remaining, perHop.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort(future, body);
            throw limitedByTotal ? totalTimeout(uri) : new FetchException(FailureReason.TIMEOUT,
                    "timed out after " + seconds(config.readTimeout()) + " reading " + uri, e);
        } catch (InterruptedException e) {
            abort(future, body);
            Thread.currentThread().interrupt();
            throw new FetchException(FailureReason.NETWORK_ERROR, "interrupted while fetching " + uri, e);
        } catch (ExecutionException e) {
            throw translate(uri, e.getCause());
        }
    }

    private FetchException translate(URI uri, Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (e instanceof HttpConnectTimeoutException) {
            return new FetchException(FailureReason.TIMEOUT,
                    "timed out after " + seconds(config.connectTimeout()) + " connecting to " + where, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new FetchException(FailureReason.TIMEOUT,
                    "timed out after " + seconds(config.readTimeout()) + " reading " + uri, e);
        }
        if (e instanceof LimitedBody.TooLargeException) {
            return new FetchException(FailureReason.TOO_LARGE, "response from " + uri + " is too large: "
                    + e.getMessage(), e);
        }
        if (e instanceof ConnectException) {
            return new FetchException(FailureReason.NETWORK_ERROR, "could not connect to " + where
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        if (e instanceof SSLException) {
            return new FetchException(FailureReason.NETWORK_ERROR, "TLS with " + where + " failed: " + e.getMessage(), e);
        }
        String what = e instanceof IOException ? "network error" : "error";
        return new FetchException(FailureReason.NETWORK_ERROR, what + " fetching " + uri + ": " + e, e);
    }

    private URI redirectTarget(URI from, int status, Optional<String> location) throws FetchException {
        if (location.isEmpty() || location.get().isBlank()) {
            throw new FetchException(FailureReason.HTTP_ERROR, "HTTP " + status + " without a Location from " + from);
        }
        URI target;
        try {
            target = from.resolve(new URI(location.get().trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FailureReason.BAD_URL, "redirect from " + from + " to a malformed URL '"
                    + location.get() + "'", e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        // Redirects stay on http(s), even in local mode: a web server must not make us read local files.
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FailureReason.BAD_URL, "redirect from " + from + " to '" + target
                    + "' refused: only http and https are followed");
        }
        if (target.getHost() == null || target.getHost().isEmpty()) {
            throw new FetchException(FailureReason.BAD_URL, "redirect from " + from + " to '" + target + "' has no host");
        }
        return target;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private FetchException totalTimeout(URI uri) {
        return new FetchException(FailureReason.TIMEOUT, "timed out after " + seconds(config.totalTimeout())
                + " in total fetching " + uri + " (redirects included)");
    }

    private static void abort(CompletableFuture<?> future, AtomicReference<LimitedBody> body) {
        future.cancel(true);
        LimitedBody b = body.get();
        if (b != null) {
            b.cancel();
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
