package dev.landmarks.verifier.verify;

/**
 * The outcome of verifying one query image against the references of one candidate landmark.
 *
 * @param landmarkId        the candidate landmark
 * @param candidateScore    the candidate generator's score for it
 * @param inliers           geometric inliers against the best reference (0 when nothing matched)
 * @param verificationScore evidence from geometry alone, higher = stronger (the verifier documents its scale)
 * @param referenceImageId  the best matching reference, empty when the landmark has no references
 * @param referencesChecked how many references were compared before stopping
 */
public record Verdict(String landmarkId, float candidateScore, int inliers, float verificationScore,
                     String referenceImageId, int referencesChecked) {
}
