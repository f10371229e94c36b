package dev.landmarks.delf.features;

import java.io.IOException;

/** Chooses and builds the configured extractor: DELF when a model directory is configured, RootSIFT otherwise. */
public final class LocalFeatureExtractors {
    private LocalFeatureExtractors() {
    }

    /** @throws IOException when a DELF model is configured but cannot be read */
    public static LocalFeatureExtractor create(FeaturesConfig config) throws IOException {
        if (config.delf().isPresent()) {
            return DelfExtractor.load(config.delf().get());
        }
        return new RootSiftExtractor(config.rootSift());
    }
}
