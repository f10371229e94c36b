package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;

/**
 * Fetches the bytes a request points to: http(s) in every mode, files under the local root in the local mode.
 * Thread-safe; one instance serves all concurrent fetches (bounding how many run at once is the caller's job).
 */
public final class SourceFetcher {
    private final FetchConfig config;
    private final HttpFetcher http;
    private final LocalFileReader files;

    public SourceFetcher(FetchConfig config) {
        this.config = config;
        this.http = new HttpFetcher(config, new AddressPolicy(config.allowList()));
        this.files = config.localRoot().map(root -> new LocalFileReader(root, config.maxBytes())).orElse(null);
    }

    public FetchConfig config() {
        return config;
    }

    /** Which source {@code location} names, checked without I/O. */
    public Source parse(String location) throws FetchException {
        return Source.parse(location, config.localRoot());
    }

    public byte[] fetch(Source source) throws FetchException {
        if (source instanceof Source.Http h) {
            return http.fetch(h);
        }
        if (source instanceof Source.LocalFile f && files != null) {
            return files.read(f);
        }
        throw new FetchException(FailureReason.BAD_URL, "'" + source.requested() + "' needs the local mode");
    }

    public byte[] fetch(String location) throws FetchException {
        return fetch(parse(location));
    }
}
