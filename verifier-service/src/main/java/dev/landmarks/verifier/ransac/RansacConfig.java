package dev.landmarks.verifier.ransac;

import dev.landmarks.common.config.Settings;

import java.util.Locale;

/**
 * Robust model fitting settings.
 *
 * @param model         affine or homography. Key {@code ransac.model}, default affine: on the dev set it ranked
 *                      better (GAP 0.776 vs 0.725, top-1 30 vs 27 of 37; docs/verification.md).
 * @param thresholdPx   inlier threshold in query working-size pixels (MAGSAC's maximum noise scale for homographies,
 *                      RANSAC's reprojection threshold for affine maps). Key {@code ransac.threshold-px}, default 12.
 * @param maxIterations iteration cap. Key {@code ransac.max-iterations}, default 2000.
 * @param confidence    stop when this sure of the best model. Key {@code ransac.confidence}, default 0.999.
 * @param seed          OpenCV random generator seed set before every fit, so the same input gives the same inliers.
 *                      Key {@code ransac.seed}, default 42.
 */
public record RansacConfig(GeometryModel model, double thresholdPx, int maxIterations, double confidence, long seed) {
    public static final GeometryModel DEFAULT_MODEL = GeometryModel.AFFINE;
    public static final double DEFAULT_THRESHOLD_PX = 12;
    public static final int DEFAULT_MAX_ITERATIONS = 2000;
    public static final double DEFAULT_CONFIDENCE = 0.999;
    public static final long DEFAULT_SEED = 42;

    public RansacConfig {
        if (model == null) {
            throw new IllegalArgumentException("ransac.model is required");
        }
        if (!(thresholdPx > 0)) {
            throw new IllegalArgumentException("ransac.threshold-px must be > 0, was " + thresholdPx);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("ransac.max-iterations must be >= 1, was " + maxIterations);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("ransac.confidence must be in (0, 1), was " + confidence);
        }
    }

    public static RansacConfig defaults() {
        return new RansacConfig(DEFAULT_MODEL, DEFAULT_THRESHOLD_PX, DEFAULT_MAX_ITERATIONS, DEFAULT_CONFIDENCE,
                DEFAULT_SEED);
    }

    public static RansacConfig from(Settings s) {
        String model = s.string("ransac.model", DEFAULT_MODEL.name());
        GeometryModel m;
        try {
            m = GeometryModel.valueOf(model.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ransac.model must be homography or affine, was " + model, e);
        }
        return new RansacConfig(m,
                s.decimal("ransac.threshold-px", DEFAULT_THRESHOLD_PX),
                s.integer("ransac.max-iterations", DEFAULT_MAX_ITERATIONS),
                s.decimal("ransac.confidence", DEFAULT_CONFIDENCE),
                s.longValue("ransac.seed", DEFAULT_SEED));
    }

    public RansacConfig withThreshold(double px) {
        return new RansacConfig(model, px, maxIterations, confidence, seed);
    }

    public RansacConfig withModel(GeometryModel m) {
        return new RansacConfig(m, thresholdPx, maxIterations, confidence, seed);
    }
}
