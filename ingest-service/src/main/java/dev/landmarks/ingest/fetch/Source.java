package dev.landmarks.ingest.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an image comes from, decided from the request's text alone (no I/O): an http(s) URL, or, in the local mode,
 * a file under the local root given as a relative path, an absolute path or a file: URL. Everything else is refused
 * here with BAD_URL (unsupported scheme, malformed, file access outside the local mode) or REFUSED_ADDRESS (a path
 * that normalises to somewhere outside the root, e.g. through "../").
 */
public sealed interface Source {
    /** The text as requested, for messages and results. */
    String requested();

    record Http(String requested, URI uri) implements Source {
    }

    record LocalFile(String requested, Path path) implements Source {
    }

    /** Which source {@code location} names in the mode {@code localRoot} selects (empty = service mode). */
    static Source parse(String location, Optional<Path> localRoot) throws FetchException {
        return SourceParser.parse(location, localRoot);
    }
}
