package dev.landmarks.verifier.bench;

/**
 * Geometry of one query-reference pair under one matching / model variant, as stored in the pair table CSV.
 *
 * @param variant e.g. "ONE_TO_ONE/HOMOGRAPHY/12"
 */
record PairRow(String queryId, String referenceId, String variant, int matches, int inliers, int cells) {
    static final String HEADER = "query,reference,variant,matches,inliers,cells";

    String csv() {
        return queryId + "," + referenceId + "," + variant + "," + matches + "," + inliers + "," + cells;
    }

    static PairRow parse(String line) {
        String[] f = line.split(",");
        return new PairRow(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]));
    }
}
