package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.candidates.CandidateGenerator;
import dev.landmarks.classifier.candidates.LandmarkScore;
import dev.landmarks.common.features.Features;

import java.util.List;

/**
 * The weight-free candidate generator: each query's local features (from landmark.features) go through
 * {@link RetrievalIndex#query(Features, int)}; the top-k landmarks come back scored by retrieval similarity. The
 * model id is "retrieval:" + the codebook's SHA-256. The best reference ids per landmark are available from
 * {@link #candidatesWithReferences(Features)} for callers that can pass them on.
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

    public RetrievalIndex index() {
        return index;
    }

    @Override
    public String modelId() {
        return index.modelId();
    }

    @Override
    public List<List<LandmarkScore>> candidates(List<Features> batch) {
        return batch.stream()
                .map(f -> candidatesWithReferences(f).stream()
                        .map(c -> new LandmarkScore(c.landmarkId(), c.score())).toList())
                .toList();
    }

    /** The top-k landmarks of one query with their best matching reference ids, best first. */
    public List<LandmarkCandidate> candidatesWithReferences(Features query) {
        return index.query(query, topK);
    }
}
