package dev.landmarks.classifier.retrieval.index;

/**
 * How an inverted file weighs a word shared by a query and a document.
 * <ul>
 *   <li>{@link Kernel#TFIDF}: bag-of-words cosine, term weight {@code count^tfPower}, word weight idf.</li>
 *   <li>{@link Kernel#ASMK}: the binarised aggregated selective match kernel (ASMK*, Tolias et al. 2013): each shared
 *   word contributes {@code idf^2 * u^alpha} where {@code u = 1 - 2 * hamming / bits} compares the two images'
 *   residual signatures, and nothing when {@code u <= threshold}; term weight is 1 (aggregation already counts a
 *   burst of descriptors on one word once).</li>
 * </ul>
 * Both are normalised by self-similarity, so a score is in [0, 1].
 */
public record Scoring(Kernel kernel, float tfPower, float alpha, float threshold) {
    public enum Kernel { TFIDF, ASMK }

    public Scoring {
        if (kernel == null) {
            throw new IllegalArgumentException("a scoring kernel is required");
        }
        if (!(tfPower >= 0f && tfPower <= 1f)) {
            throw new IllegalArgumentException("tf power must be in [0, 1], was " + tfPower);
        }
        if (!(alpha >= 1f)) {
            throw new IllegalArgumentException("ASMK alpha must be >= 1, was " + alpha);
        }
        if (!(threshold >= -1f && threshold < 1f)) {
            throw new IllegalArgumentException("ASMK threshold must be in [-1, 1), was " + threshold);
        }
    }

    public static Scoring tfIdf(float tfPower) {
        return new Scoring(Kernel.TFIDF, tfPower, 1f, 0f);
    }

    public static Scoring asmk(float alpha, float threshold) {
        return new Scoring(Kernel.ASMK, 0f, alpha, threshold);
    }

    boolean selective() {
        return kernel == Kernel.ASMK;
    }
}
