package dev.landmarks.classifier.retrieval;

import java.util.List;

/**
 * A landmark proposed by retrieval: its score (tf-idf cosine similarity of its best references, in (0, 1] for
 * {@link RetrievalConfig.Aggregation#MAX}) and its reference photos that matched, best first, so the verifier can
 * check the likeliest ones first and stop early.
 */
public record LandmarkCandidate(String landmarkId, float score, List<String> bestReferenceIds) {
    public LandmarkCandidate {
        bestReferenceIds = List.copyOf(bestReferenceIds);
    }
}
