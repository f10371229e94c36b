package dev.landmarks.classifier.candidates;

import dev.landmarks.common.config.Settings;

import java.util.Locale;

/**
 * How candidates are ranked and cut.
 *
 * @param topK       candidates kept per image ({@code classifier.top-k}, default {@value #DEFAULT_TOP_K})
 * @param neighbours embedding kNN: nearest references that vote ({@code classifier.embedding.neighbours},
 *                   default {@value #DEFAULT_NEIGHBOURS})
 * @param vote       embedding kNN: how a landmark's neighbours make its score ({@code classifier.embedding.vote},
 *                   default max)
 */
public record CandidatesConfig(int topK, int neighbours, Vote vote) {
    public static final int DEFAULT_TOP_K = 5;
    public static final int DEFAULT_NEIGHBOURS = 10;

    /** How the k nearest references turn into a score per landmark. */
    public enum Vote {
        /**
         * The best cosine similarity among the landmark's references in the neighbourhood. A landmark with a single
         * reference photo competes on equal terms with one that has hundreds.
         */
        MAX,
        /** The sum of its neighbours' similarities: rewards landmarks with many near references. */
        SUM
    }

    public CandidatesConfig {
        if (topK < 1) {
            throw new IllegalArgumentException("classifier.top-k must be >= 1, was " + topK);
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("classifier.embedding.neighbours must be >= 1, was " + neighbours);
        }
        if (vote == null) {
            throw new IllegalArgumentException("classifier.embedding.vote must be max or sum");
        }
    }

    public static CandidatesConfig defaults() {
        return new CandidatesConfig(DEFAULT_TOP_K, DEFAULT_NEIGHBOURS, Vote.MAX);
    }

    public static CandidatesConfig from(Settings s) {
        return new CandidatesConfig(
                s.integer("classifier.top-k", DEFAULT_TOP_K),
                s.integer("classifier.embedding.neighbours", DEFAULT_NEIGHBOURS),
                parseVote(s.string("classifier.embedding.vote", "max")));
    }

    private static Vote parseVote(String value) {
        try {
            return Vote.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("classifier.embedding.vote must be max or sum, was '" + value + "'", e);
        }
    }
}
