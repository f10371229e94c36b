package dev.landmarks.classifier.retrieval;

import dev.landmarks.common.features.Features;

import java.util.SplittableRandom;

/**
 * Test data: "images" whose descriptors are noisy copies of visual patterns. Each landmark owns its own patterns and
 * all images also show patterns common to every landmark (sky, foliage), so retrieval has to rely on what is
 * distinctive. Descriptors are non-negative and L2-normalised like RootSIFT.
 */
final class SyntheticImages {
    static final int DIM = 128;

    private final float[][] patterns;
    private final int patternsPerLandmark;
    private final int commonPatterns;
    private final float noise;

    /**
     * @param landmarks           landmarks that have their own patterns
     * @param patternsPerLandmark distinctive patterns per landmark
     * @param commonPatterns      patterns every image may show
     * @param noise               per-value noise added to a pattern before normalising
     */
    SyntheticImages(int landmarks, int patternsPerLandmark, int commonPatterns, float noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.patterns = new float[landmarks * patternsPerLandmark + commonPatterns][];
        for (int p = 0; p < patterns.length; p++) {
            float[] v = new float[DIM];
            for (int i = 0; i < DIM; i++) {
                // Sparse-ish non-negative vectors, like gradient histograms.
                v[i] = random.nextDouble() < 0.3 ? (float) random.nextDouble() : 0f;
            }
            patterns[p] = normalise(v);
        }
        this.patternsPerLandmark = patternsPerLandmark;
        this.commonPatterns = commonPatterns;
        this.noise = noise;
    }

    /** An image of {@code landmark}: {@code count} descriptors, a fraction {@code common} of them common patterns. */
    Features image(int landmark, int count, double common, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] descriptors = new float[count * DIM];
        int commonStart = patterns.length - commonPatterns;
        for (int d = 0; d < count; d++) {
            int p = commonPatterns > 0 && random.nextDouble() < common
                    ? commonStart + random.nextInt(commonPatterns)
                    : landmark * patternsPerLandmark + random.nextInt(patternsPerLandmark);
            float[] v = new float[DIM];
            for (int i = 0; i < DIM; i++) {
                v[i] = Math.max(0f, patterns[p][i] + (float) (random.nextGaussian() * noise));
            }
            System.arraycopy(normalise(v), 0, descriptors, d * DIM, DIM);
        }
        return features(descriptors, count);
    }

    /** All pattern vectors, row-major (the ideal vocabulary). */
    float[] patterns() {
        float[] all = new float[patterns.length * DIM];
        for (int p = 0; p < patterns.length; p++) {
            System.arraycopy(patterns[p], 0, all, p * DIM, DIM);
        }
        return all;
    }

    static Features features(float[] descriptors, int count) {
        float[] zeros = new float[count];
        float[] strength = new float[count];
        for (int i = 0; i < count; i++) {
            strength[i] = count - i;
        }
        return new Features("synthetic", 640, 480, zeros, zeros.clone(), zeros.clone(), strength, new float[0],
                DIM, descriptors);
    }

    private static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0f) {
            v[0] = 1f;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
