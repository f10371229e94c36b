package dev.landmarks.verifier.ransac;

/**
 * A robustly fitted model mapping reference coordinates to query coordinates, with the correspondences it explains.
 *
 * @param model   which model was fitted
 * @param matrix  3x3 row-major (the affine case has 0, 0, 1 as last row); empty when no model was found
 * @param inliers per correspondence, whether it agrees with the model
 * @param count   number of inliers
 */
public record ModelFit(GeometryModel model, double[] matrix, boolean[] inliers, int count) {
    public static ModelFit none(GeometryModel model, int correspondences) {
        return new ModelFit(model, new double[0], new boolean[correspondences], 0);
    }

    public boolean found() {
        return matrix.length == 9;
    }

    /** Maps a reference point into the query grid; requires {@link #found()}. */
    public double[] map(double x, double y) {
        double w = matrix[6] * x + matrix[7] * y + matrix[8];
        return new double[] {(matrix[0] * x + matrix[1] * y + matrix[2]) / w,
                (matrix[3] * x + matrix[4] * y + matrix[5]) / w};
    }
}
