package dev.landmarks.classifier.retrieval.index;

/**
 * The documents a query shares at least one visual word with, and their similarity to it, in no particular order.
 * Arrays are exactly {@link #count()} long.
 */
public record ScoredDocuments(int[] documents, float[] scores) {
    public ScoredDocuments {
        if (documents.length != scores.length) {
            throw new IllegalArgumentException("documents and scores differ in length");
        }
    }

    public int count() {
        return documents.length;
    }
}
