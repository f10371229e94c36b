package dev.landmarks.verifier.verify;

/**
 * What geometry says about one query-reference pair.
 *
 * @param referenceImageId the reference
 * @param matches          tentative correspondences after matching
 * @param inliers          correspondences agreeing with the fitted model
 * @param spreadCells      grid cells of the query holding at least one inlier (of {@code spreadGrid}^2): inliers
 *                         piled on one small patch, typical of repeated texture, cover few cells
 */
public record PairEvidence(String referenceImageId, int matches, int inliers, int spreadCells) {
    public static PairEvidence none(String referenceImageId) {
        return new PairEvidence(referenceImageId, 0, 0, 0);
    }
}
