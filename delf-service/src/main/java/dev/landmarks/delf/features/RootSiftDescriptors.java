package dev.landmarks.delf.features;

/**
 * SIFT to RootSIFT (Arandjelovic and Zisserman, 2012): L1-normalise each descriptor, then take the square root of
 * every value. The result has unit L2 norm, and Euclidean distance between two RootSIFT vectors equals the Hellinger
 * distance between the original SIFT histograms, which matches and verifies better than plain SIFT.
 */
final class RootSiftDescriptors {
    // Guards all-zero descriptors (flat patches) against division by zero; they stay all zero.
    private static final float EPSILON = 1e-7f;

    private RootSiftDescriptors() {
    }

    /** Converts {@code values} (row-major, {@code dim} per row) in place. */
    static void toRootSift(float[] values, int dim) {
        for (int start = 0; start < values.length; start += dim) {
            float l1 = 0;
            for (int k = start; k < start + dim; k++) {
                l1 += Math.abs(values[k]);
            }
            float inv = 1f / (l1 + EPSILON);
            for (int k = start; k < start + dim; k++) {
                // SIFT values are non-negative; abs keeps the transform total for any input.
                values[k] = (float) Math.sqrt(Math.abs(values[k]) * inv);
            }
        }
    }
}
