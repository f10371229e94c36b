package dev.landmarks.verifier.verify;

/**
 * The outcome of verifying one query image against the references of one candidate landmark.
 *
 * @param landmarkId          the candidate landmark
 * @param candidateScore      the candidate generator's score for it
 * @param inliers             geometric inliers against the best reference (0 when nothing matched)
 * @param verificationScore   evidence from geometry alone, higher = stronger; {@link GeometricVerifier} sets it to
 *                            the best reference's inlier count
 * @param referenceImageId    the best matching reference, empty when the landmark has no references
 * @param referencesChecked   how many references were compared before stopping
 * @param spreadCells         query grid cells covered by the best reference's inliers (0 when unknown)
 * @param verifiedReferences  references checked that reached the inlier threshold (at most 1 with early stopping)
 */
public record Verdict(String landmarkId, float candidateScore, int inliers, float verificationScore,
                      String referenceImageId, int referencesChecked, int spreadCells, int verifiedReferences) {

    /** A verdict without spread or per-reference counts (kept for callers written before those fields). */
    public Verdict(String landmarkId, float candidateScore, int inliers, float verificationScore,
                   String referenceImageId, int referencesChecked) {
        this(landmarkId, candidateScore, inliers, verificationScore, referenceImageId, referencesChecked, 0, 0);
    }
}
