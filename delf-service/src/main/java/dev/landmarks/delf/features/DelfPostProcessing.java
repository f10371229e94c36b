package dev.landmarks.delf.features;

import dev.landmarks.common.features.Features;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Pure post-processing of the DELF signature's outputs into {@link Features}: keeps keypoints whose attention
 * reaches the threshold, strongest first, at most {@code maxFeatures} (the model already does this; repeating it
 * makes the contract hold for any export); keypoint = centre of its receptive box; descriptors L2-normalised, then
 * PCA + L2 when PCA parameters are given (as DELF's own extractor does).
 */
public final class DelfPostProcessing {
    private DelfPostProcessing() {
    }

    /**
     * What the signature returned, flattened row-major.
     *
     * @param boxes    N x 4: ymin, xmin, ymax, xmax in input-image pixels
     * @param features N x dim raw descriptors
     * @param scales   N: 1 / pyramid scale the keypoint was found at
     * @param scores   N: attention
     */
    public record RawOutputs(float[] boxes, float[] features, int dim, float[] scales, float[] scores) {
        public RawOutputs {
            int n = scores.length;
            if (boxes.length != n * 4 || scales.length != n || dim < 1 || features.length != (long) n * dim) {
                throw new IllegalArgumentException("DELF outputs disagree: " + n + " scores, " + boxes.length
                        + " box values, " + scales.length + " scales, " + features.length + " feature values of dim " + dim);
            }
        }
    }

    public static Features toFeatures(String extractorId, int width, int height, RawOutputs raw,
                                      Optional<PcaProjection> pca, int maxFeatures, float scoreThreshold) {
        float[] scores = raw.scores();
        int[] kept = IntStream.range(0, scores.length)
                .filter(i -> scores[i] >= scoreThreshold)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .limit(maxFeatures)
                .mapToInt(Integer::intValue)
                .toArray();
        int n = kept.length;
        float[] x = new float[n];
        float[] y = new float[n];
        float[] size = new float[n];
        float[] strength = new float[n];
        int dim = raw.dim();
        float[] descriptors = new float[n * dim];
        for (int k = 0; k < n; k++) {
            int i = kept[k];
            float ymin = raw.boxes()[i * 4];
            float xmin = raw.boxes()[i * 4 + 1];
            float ymax = raw.boxes()[i * 4 + 2];
            float xmax = raw.boxes()[i * 4 + 3];
            y[k] = (ymin + ymax) / 2f;
            x[k] = (xmin + xmax) / 2f;
            // the receptive field's side in input pixels: comparable with a SIFT keypoint size
            size[k] = Math.max(ymax - ymin, xmax - xmin);
            strength[k] = scores[i];
            System.arraycopy(raw.features(), i * dim, descriptors, k * dim, dim);
        }
        l2NormaliseRows(descriptors, n, dim);
        if (pca.isPresent()) {
            descriptors = pca.get().apply(descriptors, n);
            dim = pca.get().outputDim();
        }
        return new Features(extractorId, width, height, x, y, size, strength, new float[0], dim, descriptors);
    }

    /** In place; an all-zero row stays zero (as tf.nn.l2_normalize leaves it, up to its epsilon). */
    static void l2NormaliseRows(float[] rows, int n, int dim) {
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int j = 0; j < dim; j++) {
                float v = rows[r * dim + j];
                sum += v * v;
            }
            if (sum > 0) {
                float inv = (float) (1 / Math.sqrt(sum));
                for (int j = 0; j < dim; j++) {
                    rows[r * dim + j] *= inv;
                }
            }
        }
    }
}
