package dev.landmarks.classifier.retrieval.vocabulary;

import java.util.Arrays;

/**
 * A fixed set of cluster centres with their squared norms precomputed, answering "which centre is nearest to this
 * vector". Nearest by squared Euclidean distance written as {@code ||c||^2 - 2 x.c} (the {@code ||x||^2} term is the
 * same for every centre), so one assignment costs one dot product per centre. The centres are also kept transposed
 * (dimension-major) so that the scores of all centres are accumulated one input dimension at a time: that inner loop
 * runs over centres without a reduction, which the JIT turns into vector instructions (about twice as fast as
 * centre-by-centre dot products on this project's machine).
 */
public final class CentreSet {
    private final int dim;
    private final float[] centres;
    private final float[] squaredNorms;
    /** {@code transposed[d * size + c]} = component d of centre c. */
    private final float[] transposed;
    private final ThreadLocal<float[]> scratch;

    /** @param centres {@code count * dim} values, row-major; copied */
    public CentreSet(int dim, float[] centres) {
        if (dim < 1 || centres.length == 0 || centres.length % dim != 0) {
            throw new IllegalArgumentException("need at least one centre of dimension " + dim + ", got "
                    + centres.length + " values");
        }
        this.dim = dim;
        this.centres = centres.clone();
        this.squaredNorms = new float[centres.length / dim];
        for (int c = 0; c < squaredNorms.length; c++) {
            squaredNorms[c] = dot(this.centres, c * dim, this.centres, c * dim, dim);
        }
        int k = squaredNorms.length;
        this.transposed = new float[centres.length];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < dim; d++) {
                transposed[d * k + c] = this.centres[c * dim + d];
            }
        }
        this.scratch = ThreadLocal.withInitial(() -> new float[k]);
    }

    /** ||c||^2 - 2 x.c for every centre c, into this thread's scratch array (valid until the next call). */
    private float[] scoresOf(float[] data, int offset) {
        int k = squaredNorms.length;
        float[] score = scratch.get();
        System.arraycopy(squaredNorms, 0, score, 0, k);
        for (int d = 0, base = 0; d < dim; d++, base += k) {
            float v = -2f * data[offset + d];
            for (int c = 0; c < k; c++) {
                score[c] += v * transposed[base + c];
            }
        }
        return score;
    }

    public int dim() {
        return dim;
    }

    public int size() {
        return squaredNorms.length;
    }

    /** A copy of all centres, row-major. */
    public float[] centres() {
        return centres.clone();
    }

    /** Index of the centre nearest to {@code data[offset .. offset + dim)}; ties go to the lower index. */
    public int nearest(float[] data, int offset) {
        float[] scored = scoresOf(data, offset);
        int best = 0;
        float bestScore = Float.POSITIVE_INFINITY;
        for (int c = 0; c < scored.length; c++) {
            float score = scored[c];
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /**
     * The {@code best.length} centres nearest to {@code data[offset ..]}, nearest first, into {@code best}; returns
     * how many were found (fewer when the set is smaller). Ties go to the lower index.
     */
    public int nearest(float[] data, int offset, int[] best) {
        int wanted = Math.min(best.length, squaredNorms.length);
        float[] scores = new float[wanted];
        float[] scored = scoresOf(data, offset);
        int found = 0;
        for (int c = 0; c < scored.length; c++) {
            float score = scored[c];
            if (found == wanted && score >= scores[wanted - 1]) {
                continue;
            }
            int i = found < wanted ? found++ : wanted - 1;
            while (i > 0 && scores[i - 1] > score) {
                scores[i] = scores[i - 1];
                best[i] = best[i - 1];
                i--;
            }
            scores[i] = score;
            best[i] = c;
        }
        return found;
    }

    /** Squared Euclidean distance from {@code data[offset ..]} to centre {@code c}. */
    public float squaredDistance(float[] data, int offset, int c) {
        float sum = 0f;
        for (int i = 0, base = c * dim; i < dim; i++) {
            float d = data[offset + i] - centres[base + i];
            sum += d * d;
        }
        return sum;
    }

    /** {@code sum[i] += data[offset + i] - centre_c[i]}: accumulates the residual of a vector from centre c. */
    public void addResidual(float[] data, int offset, int c, float[] sum) {
        for (int i = 0, base = c * dim; i < dim; i++) {
            sum[i] += data[offset + i] - centres[base + i];
        }
    }

    /**
     * Dot product with four independent accumulators: the JIT does not vectorise a single float reduction (it must
     * keep the addition order), so splitting the sum is what makes assignment fast in plain Java.
     */
    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CentreSet other && dim == other.dim && Arrays.equals(centres, other.centres);
    }

    @Override
    public int hashCode() {
        return 31 * dim + Arrays.hashCode(centres);
    }
}
