package dev.landmarks.it.stages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.landmarks.it.photos.SamplePhoto;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real HTTP server on a free loopback port serving photos as {@code /photos/<id>.jpg} (image/jpeg), so ingest
 * fetches over HTTP exactly as from an image host. Unknown paths get 404.
 */
final class PhotoServer implements AutoCloseable {
    /** Ingest fetches several photos of a batch at once. */
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    private final Map<String, byte[]> byPath;

    PhotoServer(List<SamplePhoto> photos) throws IOException {
        byPath = photos.stream().collect(Collectors.toMap(PhotoServer::path, SamplePhoto::jpeg, (a, b) -> a));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/photos/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL a user would push for {@code photo}. */
    String url(SamplePhoto photo) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path(photo);
    }

    private static String path(SamplePhoto photo) {
        return "/photos/" + photo.id() + ".jpg";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = byPath.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
