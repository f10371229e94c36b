package dev.landmarks.delf.features;

import dev.landmarks.common.config.Settings;

/**
 * Settings of the RootSIFT extractor. Defaults were chosen by measurement on the dev set (docs/verification.md):
 * more features on a larger working size verify better, at a cost in time that the benchmark there reports.
 *
 * @param maxSide           working size: the longer image side is scaled down to this many pixels (never up);
 *                          keypoint coordinates refer to that grid. Key {@code rootsift.max-side}, default 1024.
 * @param maxFeatures       keep the strongest this many keypoints by detector response. Key
 *                          {@code rootsift.max-features}, default 3000: on the dev set it scored at least as well as
 *                          4000 (GAP 0.75-0.84, mean 0.805, over four codebook seeds, against 0.74-0.81, mean 0.768)
 *                          with the whole run a quarter faster (matching cost grows with both images' keypoint counts);
 *                          1000 at 640 px scored far lower (docs/results.md).
 * @param octaveLayers      SIFT layers per octave. Key {@code rootsift.octave-layers}, default 3 (Lowe's value).
 * @param contrastThreshold SIFT contrast threshold; lower keeps weaker blobs. Key {@code rootsift.contrast-threshold},
 *                          default 0.04.
 * @param edgeThreshold     SIFT edge-response threshold; higher keeps more edge-like points. Key
 *                          {@code rootsift.edge-threshold}, default 10.
 * @param sigma             Gaussian blur of the first octave. Key {@code rootsift.sigma}, default 1.6.
 */
public record RootSiftConfig(int maxSide, int maxFeatures, int octaveLayers, double contrastThreshold,
                             double edgeThreshold, double sigma) {
    public static final int DEFAULT_MAX_SIDE = 1024;
    public static final int DEFAULT_MAX_FEATURES = 3000;
    public static final int DEFAULT_OCTAVE_LAYERS = 3;
    public static final double DEFAULT_CONTRAST_THRESHOLD = 0.04;
    public static final double DEFAULT_EDGE_THRESHOLD = 10;
    public static final double DEFAULT_SIGMA = 1.6;

    public RootSiftConfig {
        if (maxSide < 16) {
            throw new IllegalArgumentException("rootsift.max-side must be >= 16, was " + maxSide);
        }
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("rootsift.max-features must be >= 1, was " + maxFeatures);
        }
        if (octaveLayers < 1) {
            throw new IllegalArgumentException("rootsift.octave-layers must be >= 1, was " + octaveLayers);
        }
        if (!(contrastThreshold > 0)) {
            throw new IllegalArgumentException("rootsift.contrast-threshold must be > 0, was " + contrastThreshold);
        }
        if (!(edgeThreshold > 0)) {
            throw new IllegalArgumentException("rootsift.edge-threshold must be > 0, was " + edgeThreshold);
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("rootsift.sigma must be > 0, was " + sigma);
        }
    }

    public static RootSiftConfig defaults() {
        return new RootSiftConfig(DEFAULT_MAX_SIDE, DEFAULT_MAX_FEATURES, DEFAULT_OCTAVE_LAYERS,
                DEFAULT_CONTRAST_THRESHOLD, DEFAULT_EDGE_THRESHOLD, DEFAULT_SIGMA);
    }

    public static RootSiftConfig from(Settings s) {
        return new RootSiftConfig(
                s.integer("rootsift.max-side", DEFAULT_MAX_SIDE),
                s.integer("rootsift.max-features", DEFAULT_MAX_FEATURES),
                s.integer("rootsift.octave-layers", DEFAULT_OCTAVE_LAYERS),
                s.decimal("rootsift.contrast-threshold", DEFAULT_CONTRAST_THRESHOLD),
                s.decimal("rootsift.edge-threshold", DEFAULT_EDGE_THRESHOLD),
                s.decimal("rootsift.sigma", DEFAULT_SIGMA));
    }

    /** The same settings with another working size and feature budget (used by the measurements). */
    public RootSiftConfig withSize(int side, int features) {
        return new RootSiftConfig(side, features, octaveLayers, contrastThreshold, edgeThreshold, sigma);
    }
}
