package dev.landmarks.verifier.decide;

import dev.landmarks.common.config.Settings;
import dev.landmarks.verifier.verify.VerifyConfig;

/**
 * How verdicts become an answer and a score.
 *
 * @param minInliers          T: a candidate is verified at this many inliers. Key {@code verify.min-inliers} (shared
 *                            with verification), default {@link VerifyConfig#DEFAULT_MIN_INLIERS}.
 * @param saturation          inliers at which the inlier term reaches 1: min(inliers, saturation) / saturation. Key
 *                            {@code decide.saturation}, default 70.
 * @param inlierWeight        weight of the inlier term against the candidate score (1 = geometry only). Key
 *                            {@code decide.inlier-weight}, default 0.5.
 * @param minSpreadCells      a candidate also needs its inliers spread over at least this many query grid cells to
 *                            count as verified (0 = off). Key {@code decide.min-spread-cells}, default 0.
 * @param marginWeight        subtract this share of the runner-up landmark's inlier term from the winner's, so an image
 *                            that matches several landmarks alike ranks lower (0 = off). Key
 *                            {@code decide.margin-weight}, default 0.
 * @param guessWhenUnverified answer the best unverified candidate with a score below every verified one instead of
 *                            NO_LANDMARK. Key {@code decide.guess-unverified}, default false.
 */
public record DecisionConfig(int minInliers, int saturation, double inlierWeight, int minSpreadCells,
                             double marginWeight, boolean guessWhenUnverified) {
    public static final int DEFAULT_SATURATION = 70;
    public static final double DEFAULT_INLIER_WEIGHT = 0.5;
    public static final int DEFAULT_MIN_SPREAD_CELLS = 0;
    public static final double DEFAULT_MARGIN_WEIGHT = 0;
    public static final boolean DEFAULT_GUESS_WHEN_UNVERIFIED = false;

    public DecisionConfig {
        if (minInliers < 1) {
            throw new IllegalArgumentException("verify.min-inliers must be >= 1, was " + minInliers);
        }
        if (saturation < 1) {
            throw new IllegalArgumentException("decide.saturation must be >= 1, was " + saturation);
        }
        if (!(inlierWeight >= 0 && inlierWeight <= 1)) {
            throw new IllegalArgumentException("decide.inlier-weight must be in [0, 1], was " + inlierWeight);
        }
        if (minSpreadCells < 0) {
            throw new IllegalArgumentException("decide.min-spread-cells must be >= 0, was " + minSpreadCells);
        }
        if (!(marginWeight >= 0 && marginWeight <= 1)) {
            throw new IllegalArgumentException("decide.margin-weight must be in [0, 1], was " + marginWeight);
        }
    }

    public static DecisionConfig defaults() {
        return new DecisionConfig(VerifyConfig.DEFAULT_MIN_INLIERS, DEFAULT_SATURATION, DEFAULT_INLIER_WEIGHT,
                DEFAULT_MIN_SPREAD_CELLS, DEFAULT_MARGIN_WEIGHT, DEFAULT_GUESS_WHEN_UNVERIFIED);
    }

    public static DecisionConfig from(Settings s) {
        return new DecisionConfig(
                s.integer("verify.min-inliers", VerifyConfig.DEFAULT_MIN_INLIERS),
                s.integer("decide.saturation", DEFAULT_SATURATION),
                s.decimal("decide.inlier-weight", DEFAULT_INLIER_WEIGHT),
                s.integer("decide.min-spread-cells", DEFAULT_MIN_SPREAD_CELLS),
                s.decimal("decide.margin-weight", DEFAULT_MARGIN_WEIGHT),
                s.flag("decide.guess-unverified", DEFAULT_GUESS_WHEN_UNVERIFIED));
    }

    public DecisionConfig withMinInliers(int t) {
        return new DecisionConfig(t, saturation, inlierWeight, minSpreadCells, marginWeight, guessWhenUnverified);
    }

    public DecisionConfig withSpreadAndMargin(int cells, double margin) {
        return new DecisionConfig(minInliers, saturation, inlierWeight, cells, margin, guessWhenUnverified);
    }

    public DecisionConfig withGuess(boolean guess) {
        return new DecisionConfig(minInliers, saturation, inlierWeight, minSpreadCells, marginWeight, guess);
    }
}
