package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.candidates.CandidateGenerator;
import dev.landmarks.classifier.candidates.LandmarkScore;
import dev.landmarks.common.features.Features;

import java.util.List;

/**
 * The weight-free candidate generator: each query's local features against the {@link RetrievalIndex}, top-k
 * landmarks by retrieval score. Queries of a batch are independent (the index is read-only while querying).
 */
public final class RetrievalCandidates implements CandidateGenerator<Features> {
    private final RetrievalIndex index;
    private final int topK;

    public RetrievalCandidates(RetrievalIndex index, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be >= 1, was " + topK);
        }
        this.index = index;
        this.topK = topK;
    }

    @Override
    public String modelId() {
        return index.modelId();
    }

    @Override
    public List<List<LandmarkScore>> candidates(List<Features> batch) {
        return batch.stream()
                .map(f -> index.query(f, topK).stream()
                        .map(c -> new LandmarkScore(c.landmarkId(), c.score()))
                        .toList())
                .toList();
    }
}
