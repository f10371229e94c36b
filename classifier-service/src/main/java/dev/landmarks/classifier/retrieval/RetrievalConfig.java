package dev.landmarks.classifier.retrieval;

import dev.landmarks.common.config.Settings;

import java.util.Locale;

/**
 * How retrieval scores references and turns them into landmark candidates. Defaults were chosen by measurement on
 * landmarks-dev (docs/retrieval.md).
 *
 * @param tfPower               term weight {@code count^tfPower} ({@code retrieval.tf-power}, default
 *                              {@value #DEFAULT_TF_POWER}; 1 = plain counts, 0.5 damps bursty repeated words,
 *                              0 = presence only)
 * @param aggregation           how a landmark's reference scores make its score ({@code retrieval.aggregation},
 *                              default max)
 * @param aggregateTop          references summed per landmark under {@code sum} ({@code retrieval.aggregate-top},
 *                              default {@value #DEFAULT_AGGREGATE_TOP})
 * @param referencesPerLandmark best reference ids returned with each candidate
 *                              ({@code retrieval.references-per-landmark}, default {@value #DEFAULT_REFERENCES},
 *                              the verifier's default N)
 * @param maxQueryDescriptors   strongest query descriptors used ({@code retrieval.max-query-descriptors}, default
 *                              {@value #DEFAULT_MAX_QUERY_DESCRIPTORS}; 0 = all); quantisation is the main query cost
 */
public record RetrievalConfig(float tfPower, Aggregation aggregation, int aggregateTop, int referencesPerLandmark,
                              int maxQueryDescriptors) {
    public static final float DEFAULT_TF_POWER = 0.5f;
    public static final int DEFAULT_AGGREGATE_TOP = 2;
    public static final int DEFAULT_REFERENCES = 20;
    public static final int DEFAULT_MAX_QUERY_DESCRIPTORS = 0;

    /** From reference scores to a landmark score. */
    public enum Aggregation {
        /** The best reference's score: a landmark with one reference photo competes equally with a large one. */
        MAX,
        /** The sum of the {@code aggregateTop} best references' scores: rewards several agreeing references. */
        SUM
    }

    public RetrievalConfig {
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
        if (maxQueryDescriptors < 0) {
            throw new IllegalArgumentException(
                    "retrieval.max-query-descriptors must be >= 0, was " + maxQueryDescriptors);
        }
    }

    public static RetrievalConfig defaults() {
        return new RetrievalConfig(DEFAULT_TF_POWER, Aggregation.MAX, DEFAULT_AGGREGATE_TOP, DEFAULT_REFERENCES,
                DEFAULT_MAX_QUERY_DESCRIPTORS);
    }

    public static RetrievalConfig from(Settings s) {
        return new RetrievalConfig(
                (float) s.decimal("retrieval.tf-power", DEFAULT_TF_POWER),
                Aggregation.valueOf(s.string("retrieval.aggregation", "max").toUpperCase(Locale.ROOT)),
                s.integer("retrieval.aggregate-top", DEFAULT_AGGREGATE_TOP),
                s.integer("retrieval.references-per-landmark", DEFAULT_REFERENCES),
                s.integer("retrieval.max-query-descriptors", DEFAULT_MAX_QUERY_DESCRIPTORS));
    }
}
