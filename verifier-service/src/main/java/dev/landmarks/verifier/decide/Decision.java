package dev.landmarks.verifier.decide;

import dev.landmarks.proto.Result;

/**
 * The final answer for one image from its verdicts: RECOGNIZED with a landmark, or NO_LANDMARK. A NO_LANDMARK
 * decision may still name the best unverified candidate (with a score below 0.5) so that a ranked submission can list
 * it after every verified answer; it is empty when there was no candidate.
 *
 * @param landmarkId       the recognised landmark, or for NO_LANDMARK the best unverified candidate ("" for none)
 * @param score            ranks predictions across images: verified answers in [0.5, 1], unverified ones below 0.5
 * @param inliers          inliers of the chosen landmark's best reference
 * @param referenceImageId the reference that matched best
 */
public record Decision(Result.Status status, String landmarkId, float score, int inliers, String referenceImageId) {
}
