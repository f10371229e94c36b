package dev.landmarks.verifier.decide;

import dev.landmarks.proto.Result;

/**
 * The final answer for one image from its verdicts: RECOGNIZED with a landmark, or NO_LANDMARK.
 *
 * @param score            ranks predictions across images (verified matches above guesses)
 * @param inliers          inliers of the chosen landmark's best reference
 * @param referenceImageId the reference that matched best
 */
public record Decision(Result.Status status, String landmarkId, float score, int inliers, String referenceImageId) {
}
