package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of {@link Source#parse}: text only, no I/O. */
final class SourceParser {
    /** "scheme:" at the start; a single letter is a Windows drive, not a scheme. */
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):");

    private SourceParser() {
    }

    static Source parse(String location, Optional<Path> localRoot) throws FetchException {
        String text = location == null ? "" : location.trim();
        if (text.isEmpty()) {
            throw new FetchException(FailureReason.BAD_URL, "empty URL");
        }
        var scheme = SCHEME.matcher(text);
        if (!scheme.find()) {
            if (localRoot.isEmpty()) {
                throw new FetchException(FailureReason.BAD_URL, "'" + text
                        + "' is not an http(s) URL (paths are accepted only in local mode, with fetch.local-root set)");
            }
            return new Source.LocalFile(text, underRoot(text, pathOf(text), localRoot.get()));
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new FetchException(FailureReason.BAD_URL, "malformed URL '" + text + "': " + e.getReason(), e);
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        switch (name) {
            case "http", "https" -> {
                if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    throw new FetchException(FailureReason.BAD_URL, "URL '" + text + "' has no host");
                }
                return new Source.Http(text, uri);
            }
            case "file" -> {
                if (localRoot.isEmpty()) {
                    throw new FetchException(FailureReason.BAD_URL, "file: URLs are accepted only in local mode"
                            + " (fetch.local-root is not set): '" + text + "'");
                }
                Path path;
                try {
                    path = Path.of(uri);
                } catch (IllegalArgumentException e) {
                    throw new FetchException(FailureReason.BAD_URL, "unusable file URL '" + text + "': "
                            + e.getMessage(), e);
                }
                return new Source.LocalFile(text, underRoot(text, path, localRoot.get()));
            }
            default -> throw new FetchException(FailureReason.BAD_URL,
                    "scheme '" + name + "' is not supported (only http and https" + (localRoot.isPresent()
                            ? ", and file: or paths under the local root)" : ")") + ": '" + text + "'");
        }
    }

    private static Path pathOf(String text) throws FetchException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new FetchException(FailureReason.BAD_URL, "unusable path '" + text + "': " + e.getReason(), e);
        }
    }

    /** Resolves against the root and normalises; the result must still be inside the root. */
    private static Path underRoot(String text, Path path, Path root) throws FetchException {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            throw new FetchException(FailureReason.REFUSED_ADDRESS,
                    "path '" + text + "' is outside the local root " + root);
        }
        return resolved;
    }
}
