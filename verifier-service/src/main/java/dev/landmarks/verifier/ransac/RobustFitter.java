package dev.landmarks.verifier.ransac;

import dev.landmarks.common.features.Features;
import dev.landmarks.verifier.match.Matches;
import dev.landmarks.verifier.match.OpenCvNatives;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;

/**
 * Fits the configured {@link GeometryModel} to matched keypoints with OpenCV's robust estimators: USAC MAGSAC++ for
 * homographies, RANSAC for affine maps. Input: query and reference features and their {@link Matches}; output: a
 * {@link ModelFit} from reference to query coordinates and its inlier mask. The OpenCV random generator of the calling
 * thread is reseeded before every fit, so a given input always gives the same inliers.
 */
public final class RobustFitter {
    static {
        OpenCvNatives.load();
    }

    private final RansacConfig config;

    public RobustFitter(RansacConfig config) {
        this.config = config;
    }

    public RansacConfig config() {
        return config;
    }

    public ModelFit fit(Features query, Features reference, Matches matches) {
        int n = matches.size();
        if (n < config.model().minimalSample()) {
            return ModelFit.none(config.model(), n);
        }
        Point[] src = new Point[n];
        Point[] dst = new Point[n];
        for (int k = 0; k < n; k++) {
            int r = matches.reference()[k];
            int q = matches.query()[k];
            src[k] = new Point(reference.x()[r], reference.y()[r]);
            dst[k] = new Point(query.x()[q], query.y()[q]);
        }
        MatOfPoint2f from = new MatOfPoint2f(src);
        MatOfPoint2f to = new MatOfPoint2f(dst);
        Mat mask = new Mat();
        Mat model = new Mat();
        try {
            Core.setRNGSeed((int) config.seed());
            model = switch (config.model()) {
                case HOMOGRAPHY -> Calib3d.findHomography(from, to, Calib3d.USAC_MAGSAC, config.thresholdPx(), mask,
                        config.maxIterations(), config.confidence());
                case AFFINE -> Calib3d.estimateAffine2D(from, to, mask, Calib3d.RANSAC, config.thresholdPx(),
                        config.maxIterations(), config.confidence(), 10);
            };
            if (model.empty() || mask.empty()) {
                return ModelFit.none(config.model(), n);
            }
            boolean[] inliers = inliersOf(mask, n);
            int count = 0;
            for (boolean b : inliers) {
                count += b ? 1 : 0;
            }
            return new ModelFit(config.model(), matrixOf(model), inliers, count);
        } finally {
            from.release();
            to.release();
            mask.release();
            model.release();
        }
    }

    private static double[] matrixOf(Mat m) {
        double[] out = new double[9];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < 3; c++) {
                out[r * 3 + c] = m.get(r, c)[0];
            }
        }
        if (m.rows() == 2) {
            out[8] = 1;
        }
        return out;
    }

    private static boolean[] inliersOf(Mat mask, int n) {
        byte[] raw = new byte[n];
        mask.get(0, 0, raw);
        boolean[] out = new boolean[n];
        for (int k = 0; k < n; k++) {
            out[k] = raw[k] != 0;
        }
        return out;
    }
}
