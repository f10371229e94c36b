package dev.landmarks.common.image;

import dev.landmarks.proto.FailureReason;

/** Why bytes could not become an image; each maps to the {@link FailureReason} a FAILED result reports. */
public enum ImageProblem {
    /** Not one of the supported formats (HTML error pages, empty bodies, SVG, WebP ...). */
    NOT_AN_IMAGE(FailureReason.NOT_AN_IMAGE),
    /** A supported format whose data ends before the image does. */
    TRUNCATED(FailureReason.TRUNCATED),
    /** A supported format whose data is damaged in a way other than ending early. */
    CORRUPT(FailureReason.NOT_AN_IMAGE),
    /** More pixels than the caller's limit, detected from the header before decoding. */
    TOO_LARGE(FailureReason.TOO_LARGE);

    private final FailureReason failureReason;

    ImageProblem(FailureReason failureReason) {
        this.failureReason = failureReason;
    }

    public FailureReason failureReason() {
        return failureReason;
    }
}
