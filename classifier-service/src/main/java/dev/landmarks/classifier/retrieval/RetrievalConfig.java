package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.retrieval.index.Scoring;
import dev.landmarks.common.config.Settings;

import java.util.Locale;

/**
 * How retrieval scores references and turns them into landmark candidates. Defaults were chosen by measurement on
 * landmarks-dev (docs/retrieval.md).
 *
 * @param kernel                how a shared word counts ({@code retrieval.kernel}: {@code asmk}, the default, or
 *                              {@code tfidf}); see {@link Scoring}
 * @param alpha                 ASMK selectivity exponent ({@code retrieval.asmk.alpha}, default
 *                              {@value #DEFAULT_ALPHA}): larger = only near-identical residuals count
 * @param threshold             ASMK: a shared word whose signature similarity {@code u = 1 - 2 hamming / bits} is at
 *                              or below this counts nothing ({@code retrieval.asmk.threshold}, default
 *                              {@value #DEFAULT_THRESHOLD})
 * @param tfPower               tf-idf term weight {@code count^tfPower} ({@code retrieval.tf-power}, default
 *                              {@value #DEFAULT_TF_POWER}; 1 = plain counts, 0.5 damps bursty repeated words,
 *                              0 = presence only)
 * @param aggregation           how a landmark's reference scores make its score ({@code retrieval.aggregation},
 *                              default max)
 * @param aggregateTop          references summed per landmark under {@code sum} ({@code retrieval.aggregate-top},
 *                              default {@value #DEFAULT_AGGREGATE_TOP})
 * @param referencesPerLandmark best reference ids returned with each candidate
 *                              ({@code retrieval.references-per-landmark}, default {@value #DEFAULT_REFERENCES},
 *                              the verifier's default N)
 * @param queryAssignments      words each query descriptor is assigned to ({@code retrieval.query-assignments},
 *                              default {@value #DEFAULT_QUERY_ASSIGNMENTS}): more finds matches across word
 *                              boundaries, at the cost of longer posting walks
 * @param maxQueryDescriptors   strongest query descriptors used ({@code retrieval.max-query-descriptors}, default
 *                              {@value #DEFAULT_MAX_QUERY_DESCRIPTORS}; 0 = all); quantisation is the main query cost
 */
public record RetrievalConfig(Scoring.Kernel kernel, float alpha, float threshold, float tfPower,
                              Aggregation aggregation, int aggregateTop, int referencesPerLandmark,
                              int queryAssignments, int maxQueryDescriptors) {
    public static final float DEFAULT_ALPHA = 3f;
    public static final float DEFAULT_THRESHOLD = 0f;
    public static final float DEFAULT_TF_POWER = 0.5f;
    public static final int DEFAULT_AGGREGATE_TOP = 2;
    public static final int DEFAULT_REFERENCES = 20;
    public static final int DEFAULT_QUERY_ASSIGNMENTS = 1;
    public static final int DEFAULT_MAX_QUERY_DESCRIPTORS = 0;

    /** From reference scores to a landmark score. */
    public enum Aggregation {
        /** The best reference's score: a landmark with one reference photo competes equally with a large one. */
        MAX,
        /** The sum of the {@code aggregateTop} best references' scores: rewards several agreeing references. */
        SUM
    }

    public RetrievalConfig {
        if (kernel == null) {
            throw new IllegalArgumentException("retrieval.kernel must be asmk or tfidf");
        }
        if (!(alpha >= 1f)) {
            throw new IllegalArgumentException("retrieval.asmk.alpha must be >= 1, was " + alpha);
        }
        if (!(threshold >= -1f && threshold < 1f)) {
            throw new IllegalArgumentException("retrieval.asmk.threshold must be in [-1, 1), was " + threshold);
        }
        if (!(tfPower >= 0f && tfPower <= 1f)) {
            throw new IllegalArgumentException("retrieval.tf-power must be in [0, 1], was " + tfPower);
        }
        if (aggregation == null) {
            throw new IllegalArgumentException("retrieval.aggregation must be max or sum");
        }
        if (aggregateTop < 1) {
            throw new IllegalArgumentException("retrieval.aggregate-top must be >= 1, was " + aggregateTop);
        }
        if (referencesPerLandmark < 1) {
            throw new IllegalArgumentException(
                    "retrieval.references-per-landmark must be >= 1, was " + referencesPerLandmark);
        }
        if (queryAssignments < 1) {
            throw new IllegalArgumentException("retrieval.query-assignments must be >= 1, was " + queryAssignments);
        }
        if (maxQueryDescriptors < 0) {
            throw new IllegalArgumentException(
                    "retrieval.max-query-descriptors must be >= 0, was " + maxQueryDescriptors);
        }
    }

    public static RetrievalConfig defaults() {
        return new RetrievalConfig(Scoring.Kernel.ASMK, DEFAULT_ALPHA, DEFAULT_THRESHOLD, DEFAULT_TF_POWER,
                Aggregation.MAX, DEFAULT_AGGREGATE_TOP, DEFAULT_REFERENCES, DEFAULT_QUERY_ASSIGNMENTS,
                DEFAULT_MAX_QUERY_DESCRIPTORS);
    }

    public static RetrievalConfig from(Settings s) {
        return new RetrievalConfig(
                choice(s, "retrieval.kernel", "asmk", Scoring.Kernel.class),
                (float) s.decimal("retrieval.asmk.alpha", DEFAULT_ALPHA),
                (float) s.decimal("retrieval.asmk.threshold", DEFAULT_THRESHOLD),
                (float) s.decimal("retrieval.tf-power", DEFAULT_TF_POWER),
                choice(s, "retrieval.aggregation", "max", Aggregation.class),
                s.integer("retrieval.aggregate-top", DEFAULT_AGGREGATE_TOP),
                s.integer("retrieval.references-per-landmark", DEFAULT_REFERENCES),
                s.integer("retrieval.query-assignments", DEFAULT_QUERY_ASSIGNMENTS),
                s.integer("retrieval.max-query-descriptors", DEFAULT_MAX_QUERY_DESCRIPTORS));
    }

    /** How the inverted file scores shared words. */
    public Scoring scoring() {
        return kernel == Scoring.Kernel.ASMK ? Scoring.asmk(alpha, threshold) : Scoring.tfIdf(tfPower);
    }

    private static <E extends Enum<E>> E choice(Settings s, String key, String defaultValue, Class<E> type) {
        String value = s.string(key, defaultValue);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + key + " (" + Settings.environmentName(key)
                    + ") must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)
                    + ", was '" + value + "'", e);
        }
    }
}
