package dev.landmarks.cli.submit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes the URLs of a Kaggle CSV usable by a service that does not know where the CSV was: a URL with a scheme
 * (http:, https:, file: ...) is kept as written; a relative path is resolved against the CSV's folder and an
 * absolute path taken as is, both turned into an absolute, normalised {@code file:} URL (percent-encoded).
 * An empty URL stays empty, so ingest reports it as a bad URL instead of the request vanishing.
 */
public final class UrlResolver {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private UrlResolver() {
    }

    public static String resolve(String url, Path baseDir) {
        String u = url.trim();
        if (u.isEmpty() || SCHEME.matcher(u).find()) {
            return u;
        }
        Path path = Path.of(u);
        Path absolute = path.isAbsolute() ? path : baseDir.resolve(path);
        return absolute.toAbsolutePath().normalize().toUri().toString();
    }

    /** The local file a {@code file:} URL names; empty for any other URL. */
    public static Optional<Path> localFile(String url) {
        if (!url.regionMatches(true, 0, "file:", 0, 5)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(url)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
