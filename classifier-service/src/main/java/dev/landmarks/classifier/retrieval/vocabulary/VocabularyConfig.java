package dev.landmarks.classifier.retrieval.vocabulary;

import dev.landmarks.common.config.Settings;

import java.nio.file.Path;

/**
 * How the visual vocabulary is learned: a two-level (hierarchical) k-means, {@code coarse} cells each split into up
 * to {@code fine} words, so a descriptor is quantised with {@code coarse + fine} dot products instead of
 * {@code coarse * fine}. {@code coarse = 1} is a flat vocabulary. Defaults were chosen by measurement on
 * landmarks-dev (docs/retrieval.md).
 *
 * @param coarse     first-level cells ({@code retrieval.vocabulary.coarse}, default {@value #DEFAULT_COARSE})
 * @param fine       words per cell ({@code retrieval.vocabulary.fine}, default {@value #DEFAULT_FINE}); a cell with
 *                   fewer training descriptors than this gets one word per descriptor
 * @param iterations Lloyd iterations at each level ({@code retrieval.vocabulary.iterations}, default
 *                   {@value #DEFAULT_ITERATIONS}); k-means stops earlier when no descriptor changes cell
 * @param sampleSize descriptors drawn from the references to train on ({@code retrieval.vocabulary.sample-size},
 *                   default {@value #DEFAULT_SAMPLE_SIZE}); all of them when there are fewer
 * @param seed       seed of the sample and of k-means++ ({@code retrieval.vocabulary.seed}, default
 *                   {@value #DEFAULT_SEED}): the same references in the same order give the same codebook
 * @param file       a saved codebook to load instead of training ({@code retrieval.vocabulary.file}), or null
 */
public record VocabularyConfig(int coarse, int fine, int iterations, int sampleSize, long seed, Path file) {
    public static final int DEFAULT_COARSE = 64;
    public static final int DEFAULT_FINE = 128;
    public static final int DEFAULT_ITERATIONS = 15;
    public static final int DEFAULT_SAMPLE_SIZE = 200_000;
    public static final long DEFAULT_SEED = 42L;

    public VocabularyConfig {
        if (coarse < 1) {
            throw new IllegalArgumentException("retrieval.vocabulary.coarse must be >= 1, was " + coarse);
        }
        if (fine < 1) {
            throw new IllegalArgumentException("retrieval.vocabulary.fine must be >= 1, was " + fine);
        }
        if ((long) coarse * fine > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("retrieval.vocabulary.coarse x fine is too large: " + coarse + " x " + fine);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("retrieval.vocabulary.iterations must be >= 0, was " + iterations);
        }
        if (sampleSize < coarse) {
            throw new IllegalArgumentException("retrieval.vocabulary.sample-size (" + sampleSize
                    + ") must be at least retrieval.vocabulary.coarse (" + coarse + ")");
        }
    }

    public static VocabularyConfig defaults() {
        return new VocabularyConfig(DEFAULT_COARSE, DEFAULT_FINE, DEFAULT_ITERATIONS, DEFAULT_SAMPLE_SIZE,
                DEFAULT_SEED, null);
    }

    public static VocabularyConfig from(Settings s) {
        return new VocabularyConfig(
                s.integer("retrieval.vocabulary.coarse", DEFAULT_COARSE),
                s.integer("retrieval.vocabulary.fine", DEFAULT_FINE),
                s.integer("retrieval.vocabulary.iterations", DEFAULT_ITERATIONS),
                s.integer("retrieval.vocabulary.sample-size", DEFAULT_SAMPLE_SIZE),
                s.longValue("retrieval.vocabulary.seed", DEFAULT_SEED),
                s.path("retrieval.vocabulary.file").orElse(null));
    }

    /** The same training parameters with another number of words per level (measurements sweep these). */
    public VocabularyConfig withWords(int coarseCells, int fineWords) {
        return new VocabularyConfig(coarseCells, fineWords, iterations, sampleSize, seed, file);
    }
}
