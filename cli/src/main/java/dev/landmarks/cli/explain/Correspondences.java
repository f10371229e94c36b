package dev.landmarks.cli.explain;

import dev.landmarks.common.features.Features;
import dev.landmarks.verifier.match.Matches;
import dev.landmarks.verifier.ransac.ModelFit;

/**
 * Matched points of a query and a reference in the pixel coordinates of the two photos as drawn (not the feature
 * extractor's working grid), each flagged inlier or outlier of the fitted model. Parallel arrays, in match order
 * (closest descriptors first).
 */
public record Correspondences(float[] queryX, float[] queryY, float[] referenceX, float[] referenceY,
                              boolean[] inlier) {
    public Correspondences {
        int n = queryX.length;
        if (queryY.length != n || referenceX.length != n || referenceY.length != n || inlier.length != n) {
            throw new IllegalArgumentException("correspondence arrays differ in length");
        }
    }

    public static Correspondences none() {
        return new Correspondences(new float[0], new float[0], new float[0], new float[0], new boolean[0]);
    }

    /**
     * @param queryWidth     width of the query photo as drawn; keypoints are scaled from the features' grid to it
     * @param referenceWidth the same for the reference
     */
    public static Correspondences of(Features query, int queryWidth, int queryHeight,
                                     Features reference, int referenceWidth, int referenceHeight,
                                     Matches matches, ModelFit fit) {
        int n = matches.size();
        float[] qx = new float[n];
        float[] qy = new float[n];
        float[] rx = new float[n];
        float[] ry = new float[n];
        boolean[] in = new boolean[n];
        float qsx = (float) queryWidth / Math.max(1, query.width());
        float qsy = (float) queryHeight / Math.max(1, query.height());
        float rsx = (float) referenceWidth / Math.max(1, reference.width());
        float rsy = (float) referenceHeight / Math.max(1, reference.height());
        for (int k = 0; k < n; k++) {
            int q = matches.query()[k];
            int r = matches.reference()[k];
            qx[k] = query.x()[q] * qsx;
            qy[k] = query.y()[q] * qsy;
            rx[k] = reference.x()[r] * rsx;
            ry[k] = reference.y()[r] * rsy;
            in[k] = k < fit.inliers().length && fit.inliers()[k];
        }
        return new Correspondences(qx, qy, rx, ry, in);
    }

    public int size() {
        return inlier.length;
    }

    public int inliers() {
        int c = 0;
        for (boolean b : inlier) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
