package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fetcher against a real HTTP server on loopback (allow-listed, except where a test says otherwise). */
class HttpFetcherTest {
    private static final byte[] BODY = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
    private static LocalHttpServer server;

    @BeforeAll
    static void start() {
        server = new LocalHttpServer()
                .route("/ok", LocalHttpServer.bytes(200, "image/jpeg", BODY))
                .route("/missing", LocalHttpServer.bytes(404, "text/html", "<html>gone</html>".getBytes()))
                .route("/gone", LocalHttpServer.bytes(410, "text/plain", new byte[0]))
                .route("/broken", LocalHttpServer.bytes(500, "text/plain", "oops".getBytes()))
                .route("/hop1", LocalHttpServer.redirect(302, "/hop2"))
                .route("/hop2", LocalHttpServer.redirect(301, "/ok"))
                .route("/loop", LocalHttpServer.redirect(302, "/loop"))
                .route("/to-file", LocalHttpServer.redirect(302, "file:///etc/passwd"))
                .route("/to-private", LocalHttpServer.redirect(307, "http://10.255.255.1/a.jpg"))
                .route("/no-location", exchange -> exchange.sendResponseHeaders(302, -1))
                .route("/big", LocalHttpServer.bytes(200, "image/jpeg", new byte[5000]))
                .route("/chunked-big", exchange -> {
                    exchange.sendResponseHeaders(200, 0); // 0 = chunked: no Content-Length to check up front
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int i = 0; i < 100; i++) {
                            out.write(new byte[1000]);
                        }
                    }
                })
                .route("/slow", LocalHttpServer.slow(3000, BODY))
                .route("/trickle", exchange -> {
                    // Headers at once, then 10 bytes and a long pause: only a body deadline catches this.
                    exchange.sendResponseHeaders(200, BODY.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(BODY, 0, 10);
                    out.flush();
                    Thread.sleep(3000);
                    out.write(BODY, 10, BODY.length - 10);
                    out.close();
                })
                .route("/sleepy-redirect", exchange -> {
                    Thread.sleep(400);
                    LocalHttpServer.redirect(302, "/sleepy-redirect").handle(exchange);
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static FetchConfig config() {
        return FetchConfig.defaults().withAllowList(List.of("127.0.0.1"));
    }

    private static byte[] fetch(FetchConfig config, String path) throws FetchException {
        return new SourceFetcher(config).fetch(server.url(path));
    }

    private static FetchException failure(FetchConfig config, String path) {
        return assertThrows(FetchException.class, () -> fetch(config, path));
    }

    @Test
    void fetchesABody() throws FetchException {
        assertArrayEquals(BODY, fetch(config(), "/ok"));
    }

    @Test
    void reportsNotFoundAndOtherStatusesWithTheUrl() {
        FetchException missing = failure(config(), "/missing");
        assertEquals(FailureReason.NOT_FOUND, missing.reason());
        assertEquals("HTTP 404 Not Found from " + server.url("/missing"), missing.getMessage());
        assertEquals(FailureReason.NOT_FOUND, failure(config(), "/gone").reason());
        FetchException broken = failure(config(), "/broken");
        assertEquals(FailureReason.HTTP_ERROR, broken.reason());
        assertEquals("HTTP 500 Internal Server Error from " + server.url("/broken"), broken.getMessage());
    }

    @Test
    void followsRedirectsUpToTheLimit() throws FetchException {
        assertArrayEquals(BODY, fetch(config(), "/hop1"));
        FetchConfig oneRedirect = withRedirects(1);
        FetchException e = failure(oneRedirect, "/hop1");
        assertEquals(FailureReason.TOO_MANY_REDIRECTS, e.reason());
        assertTrue(e.getMessage().startsWith("more than 1 redirects, starting at " + server.url("/hop1")),
                e.getMessage());
        assertEquals(FailureReason.TOO_MANY_REDIRECTS, failure(config(), "/loop").reason());
    }

    @Test
    void checksEveryRedirectHopLikeTheFirst() {
        FetchException toFile = failure(config(), "/to-file");
        assertEquals(FailureReason.BAD_URL, toFile.reason());
        assertTrue(toFile.getMessage().contains("only http and https are followed"), toFile.getMessage());
        FetchException toPrivate = failure(config(), "/to-private");
        assertEquals(FailureReason.REFUSED_ADDRESS, toPrivate.reason());
        assertEquals("address 10.255.255.1 is private and not allow-listed", toPrivate.getMessage());
        assertEquals(FailureReason.HTTP_ERROR, failure(config(), "/no-location").reason());
    }

    @Test
    void refusesLoopbackUnlessAllowListed() {
        FetchException e = failure(FetchConfig.defaults(), "/ok");
        assertEquals(FailureReason.REFUSED_ADDRESS, e.reason());
        assertEquals("address 127.0.0.1 is loopback and not allow-listed", e.getMessage());
    }

    @Test
    void enforcesTheByteLimitFromContentLengthAndWhileReading() throws FetchException {
        FetchConfig small = withMaxBytes(4000);
        FetchException declared = failure(small, "/big");
        assertEquals(FailureReason.TOO_LARGE, declared.reason());
        assertTrue(declared.getMessage().endsWith("Content-Length is 5 kB, limit is 4 kB"), declared.getMessage());
        FetchException streamed = failure(small, "/chunked-big");
        assertEquals(FailureReason.TOO_LARGE, streamed.reason());
        assertTrue(streamed.getMessage().endsWith("body is larger than the 4 kB limit"), streamed.getMessage());
        assertEquals(5000, fetch(withMaxBytes(5000), "/big").length); // exactly at the limit is fine
    }

    @Test
    void timesOutOnASlowServer() {
        FetchConfig impatient = new FetchConfig(FetchConfig.DEFAULT_MAX_BYTES, Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(10), 5, 2, List.of("127.0.0.1"), Optional.empty(), "test");
        FetchException e = failure(impatient, "/slow");
        assertEquals(FailureReason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().startsWith("timed out after 0.5 s"), e.getMessage());
        assertTrue(e.getMessage().contains(server.url("/slow")), e.getMessage());
    }

    @Test
    void timesOutOnABodyThatStopsHalfWay() {
        FetchConfig impatient = new FetchConfig(FetchConfig.DEFAULT_MAX_BYTES, Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofSeconds(10), 5, 2, List.of("127.0.0.1"), Optional.empty(), "test");
        FetchException e = failure(impatient, "/trickle");
        assertEquals(FailureReason.TIMEOUT, e.reason(), e.getMessage());
    }

    @Test
    void boundsTheWholeFetchIncludingRedirects() {
        // Each hop answers within the read time-out, but the redirects never end before the total time-out.
        FetchConfig bounded = new FetchConfig(FetchConfig.DEFAULT_MAX_BYTES, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), 20, 2, List.of("127.0.0.1"), Optional.empty(), "test");
        FetchException e = failure(bounded, "/sleepy-redirect");
        assertEquals(FailureReason.TIMEOUT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("timed out after 1 s in total fetching "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(redirects included)"), e.getMessage());
    }

    @Test
    void reportsARefusedConnectionAsANetworkError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FetchException e = assertThrows(FetchException.class,
                () -> new SourceFetcher(config()).fetch("http://127.0.0.1:" + closedPort + "/a.jpg"));
        assertEquals(FailureReason.NETWORK_ERROR, e.reason());
        assertTrue(e.getMessage().startsWith("could not connect to 127.0.0.1:" + closedPort), e.getMessage());
    }

    private static FetchConfig withRedirects(int n) {
        FetchConfig c = config();
        return new FetchConfig(c.maxBytes(), c.connectTimeout(), c.readTimeout(), c.totalTimeout(), n, c.concurrency(),
                c.allowList(), c.localRoot(), c.userAgent());
    }

    private static FetchConfig withMaxBytes(long n) {
        FetchConfig c = config();
        return new FetchConfig(n, c.connectTimeout(), c.readTimeout(), c.totalTimeout(), c.maxRedirects(),
                c.concurrency(), c.allowList(), c.localRoot(), c.userAgent());
    }
}
