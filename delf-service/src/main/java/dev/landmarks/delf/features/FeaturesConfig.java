package dev.landmarks.delf.features;

import dev.landmarks.common.config.Settings;

import java.util.Optional;

/**
 * Which local-feature extractor to run and with what settings: DELF when {@code delf.model-dir} is set
 * (see {@link DelfConfig}), otherwise the weight-free RootSIFT default (see {@link RootSiftConfig}).
 *
 * @param delf     DELF settings, or empty for RootSIFT
 * @param rootSift RootSIFT settings (used when {@code delf} is empty)
 */
public record FeaturesConfig(Optional<DelfConfig> delf, RootSiftConfig rootSift) {
    public FeaturesConfig {
        if (delf == null || rootSift == null) {
            throw new IllegalArgumentException("delf (possibly empty) and rootSift settings are required");
        }
    }

    public static FeaturesConfig rootSift(RootSiftConfig config) {
        return new FeaturesConfig(Optional.empty(), config);
    }

    public static FeaturesConfig delf(DelfConfig config) {
        return new FeaturesConfig(Optional.of(config), RootSiftConfig.defaults());
    }

    public static FeaturesConfig from(Settings s) {
        return new FeaturesConfig(DelfConfig.from(s), RootSiftConfig.from(s));
    }
}
