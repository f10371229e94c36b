package dev.landmarks.verifier.match;

import dev.landmarks.common.features.Features;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.DMatch;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDMatch;
import org.opencv.features2d.BFMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exhaustive nearest-neighbour search between the descriptors of a query and a reference (OpenCV brute force, L2),
 * the expensive part of matching, computed once per pair so that every {@link MatchMode} can be derived from it.
 * For each query keypoint: the nearest and second-nearest reference keypoint distances. For the reference keypoints
 * that are the nearest neighbour of some ratio-test survivor: their own nearest query keypoint (the mutual check).
 *
 * @param nearest         per query keypoint, index of the nearest reference keypoint (-1 when the reference is empty)
 * @param nearestDistance per query keypoint, distance to it
 * @param secondDistance  per query keypoint, distance to the second nearest (+infinity when there is none)
 * @param reverseNearest  per reference keypoint, its nearest query keypoint, or -1 when not computed
 * @param ratio           the ratio test these were computed for
 */
public record NearestNeighbours(int[] nearest, float[] nearestDistance, float[] secondDistance,
                                int[] reverseNearest, double ratio) {

    static {
        OpenCvNatives.load();
    }

    /** Both directions: what every {@link MatchMode} needs (the evaluation derives them all from one search). */
    public static NearestNeighbours compute(Features query, Features reference, double ratio) {
        return compute(query, reference, ratio, true);
    }

    /**
     * @param reverse also search back from the reference keypoints the ratio-test survivors point to; only the
     *                mutual check reads it, so the other modes skip its cost
     */
    public static NearestNeighbours compute(Features query, Features reference, double ratio, boolean reverse) {
        int nq = query.size();
        int nr = reference.size();
        int[] nearest = new int[nq];
        float[] d1 = new float[nq];
        float[] d2 = new float[nq];
        int[] back = new int[nr];
        Arrays.fill(nearest, -1);
        Arrays.fill(d1, Float.POSITIVE_INFINITY);
        Arrays.fill(d2, Float.POSITIVE_INFINITY);
        Arrays.fill(back, -1);
        if (nq == 0 || nr == 0) {
            return new NearestNeighbours(nearest, d1, d2, back, ratio);
        }
        if (query.dim() != reference.dim()) {
            throw new IllegalArgumentException("descriptor sizes differ: " + query.dim() + " vs " + reference.dim());
        }
        BFMatcher bf = BFMatcher.create(Core.NORM_L2, false);
        Mat q = toMat(query.descriptors(), nq, query.dim());
        Mat r = toMat(reference.descriptors(), nr, reference.dim());
        try {
            List<MatOfDMatch> knn = new ArrayList<>(nq);
            bf.knnMatch(q, r, knn, 2);
            for (MatOfDMatch m : knn) {
                DMatch[] pair = m.toArray();
                m.release();
                if (pair.length == 0) {
                    continue;
                }
                int i = pair[0].queryIdx;
                nearest[i] = pair[0].trainIdx;
                d1[i] = pair[0].distance;
                if (pair.length > 1) {
                    d2[i] = pair[1].distance;
                }
            }
            if (reverse) {
                computeReverse(bf, q, reference, nearest, d1, d2, ratio, back);
            }
            return new NearestNeighbours(nearest, d1, d2, back, ratio);
        } finally {
            q.release();
            r.release();
        }
    }

    /** Whether query keypoint {@code i} passes the ratio test (always, when there is no second neighbour). */
    public boolean passesRatio(int i) {
        return nearest[i] >= 0 && (ratio >= 1 || nearestDistance[i] < ratio * secondDistance[i]);
    }

    // Searching back from only the reference keypoints that some survivor points to costs a fraction of a
    // second full search, and is all the mutual check needs.
    private static void computeReverse(BFMatcher bf, Mat q, Features reference, int[] nearest,
                                       float[] d1, float[] d2, double ratio, int[] reverse) {
        boolean[] wanted = new boolean[reference.size()];
        int count = 0;
        for (int i = 0; i < nearest.length; i++) {
            boolean pass = nearest[i] >= 0 && (ratio >= 1 || d1[i] < ratio * d2[i]);
            if (pass && !wanted[nearest[i]]) {
                wanted[nearest[i]] = true;
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        int dim = reference.dim();
        int[] ids = new int[count];
        float[] rows = new float[count * dim];
        int k = 0;
        for (int j = 0; j < wanted.length; j++) {
            if (wanted[j]) {
                ids[k] = j;
                System.arraycopy(reference.descriptors(), j * dim, rows, k * dim, dim);
                k++;
            }
        }
        Mat sub = toMat(rows, count, dim);
        MatOfDMatch back = new MatOfDMatch();
        try {
            bf.match(sub, q, back);
            for (DMatch m : back.toArray()) {
                reverse[ids[m.queryIdx]] = m.trainIdx;
            }
        } finally {
            sub.release();
            back.release();
        }
    }

    private static Mat toMat(float[] values, int rows, int dim) {
        Mat m = new Mat(rows, dim, CvType.CV_32F);
        m.put(0, 0, values);
        return m;
    }
}
