package dev.landmarks.verifier.ransac;

/** The geometric model fitted between a reference and a query. */
public enum GeometryModel {
    /** 8 degrees of freedom, planar scenes and distant facades under any viewpoint (OpenCV findHomography). */
    HOMOGRAPHY(4),
    /** 6 degrees of freedom, weaker perspective (OpenCV estimateAffine2D). */
    AFFINE(3);

    private final int minimalSample;

    GeometryModel(int minimalSample) {
        this.minimalSample = minimalSample;
    }

    /** Correspondences needed to fit the model at all. */
    public int minimalSample() {
        return minimalSample;
    }
}
