package dev.landmarks.verifier.verify;

import dev.landmarks.common.config.Settings;
import dev.landmarks.verifier.match.MatchConfig;
import dev.landmarks.verifier.ransac.RansacConfig;

/**
 * Verification of a query against one landmark's references.
 *
 * @param maxReferences compare at most this many references, in the order given. Key {@code verify.max-references},
 *                      default 20.
 * @param minInliers    T: a reference with at least this many inliers verifies the landmark (and, with
 *                      {@code stopEarly}, ends the search). Key {@code verify.min-inliers}, default
 *                      {@link #DEFAULT_MIN_INLIERS}: on the dev set no wrong landmark or distractor
 *                      reached 10 inliers (RootSIFT 4000 at 1024 px), true landmarks had a median of 26; see
 *                      docs/verification.md.
 * @param stopEarly     stop at the first reference reaching T. Key {@code verify.stop-early}, default true.
 * @param spreadGrid    inlier spread is counted as occupied cells of a spreadGrid x spreadGrid grid over the query.
 *                      Key {@code verify.spread-grid}, default 8.
 * @param match         descriptor matching ({@code match.*})
 * @param ransac        model fitting, including the seed ({@code ransac.*})
 */
public record VerifyConfig(int maxReferences, int minInliers, boolean stopEarly, int spreadGrid,
                           MatchConfig match, RansacConfig ransac) {
    public static final int DEFAULT_MAX_REFERENCES = 20;
    public static final int DEFAULT_MIN_INLIERS = 12;
    public static final boolean DEFAULT_STOP_EARLY = true;
    public static final int DEFAULT_SPREAD_GRID = 8;

    public VerifyConfig {
        if (maxReferences < 1) {
            throw new IllegalArgumentException("verify.max-references must be >= 1, was " + maxReferences);
        }
        if (minInliers < 4) {
            throw new IllegalArgumentException("verify.min-inliers must be >= 4, was " + minInliers);
        }
        if (spreadGrid < 1) {
            throw new IllegalArgumentException("verify.spread-grid must be >= 1, was " + spreadGrid);
        }
        if (match == null || ransac == null) {
            throw new IllegalArgumentException("match and ransac settings are required");
        }
    }

    public static VerifyConfig defaults() {
        return new VerifyConfig(DEFAULT_MAX_REFERENCES, DEFAULT_MIN_INLIERS, DEFAULT_STOP_EARLY, DEFAULT_SPREAD_GRID,
                MatchConfig.defaults(), RansacConfig.defaults());
    }

    public static VerifyConfig from(Settings s) {
        return new VerifyConfig(
                s.integer("verify.max-references", DEFAULT_MAX_REFERENCES),
                s.integer("verify.min-inliers", DEFAULT_MIN_INLIERS),
                s.flag("verify.stop-early", DEFAULT_STOP_EARLY),
                s.integer("verify.spread-grid", DEFAULT_SPREAD_GRID),
                MatchConfig.from(s),
                RansacConfig.from(s));
    }

    public VerifyConfig with(MatchConfig m, RansacConfig r) {
        return new VerifyConfig(maxReferences, minInliers, stopEarly, spreadGrid, m, r);
    }

    public VerifyConfig withStopEarly(boolean stop) {
        return new VerifyConfig(maxReferences, minInliers, stop, spreadGrid, match, ransac);
    }
}
