package dev.landmarks.verifier.match;

/** How tentative correspondences are chosen among the ratio-test survivors. */
public enum MatchMode {
    /** Every query keypoint that passes the ratio test keeps its nearest reference keypoint (several may share one). */
    RATIO,
    /** Ratio test, and the reference keypoint's own nearest query keypoint must be the one matched to it. */
    MUTUAL,
    /** Ratio test, then greedily by distance each reference keypoint is used at most once. */
    ONE_TO_ONE
}
