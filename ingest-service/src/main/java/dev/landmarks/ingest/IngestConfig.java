package dev.landmarks.ingest;

import dev.landmarks.common.config.Settings;
import dev.landmarks.ingest.decode.ImageConfig;
import dev.landmarks.ingest.fetch.FetchConfig;

/** Everything ingest needs to turn a request into an image: how to fetch ({@code fetch.*}) and what to accept and produce ({@code ingest.*}). */
public record IngestConfig(FetchConfig fetch, ImageConfig image) {
    public IngestConfig {
        if (fetch == null || image == null) {
            throw new IllegalArgumentException("fetch and image configs are required");
        }
    }

    public static IngestConfig from(Settings s) {
        return new IngestConfig(FetchConfig.from(s), ImageConfig.from(s));
    }

    public static IngestConfig defaults() {
        return new IngestConfig(FetchConfig.defaults(), ImageConfig.defaults());
    }
}
