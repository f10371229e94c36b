package dev.landmarks.verifier.streams;

import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.verifier.verify.Verdict;

import java.util.List;

/**
 * Verifies a query image against the references of one candidate landmark. The topology calls it on the instance
 * that owns the landmark, from stream threads (several at once when more than one thread runs): implementations
 * must be thread-safe. It is never called with an empty reference list (the topology answers 0 inliers itself).
 */
@FunctionalInterface
public interface VerifyFunction {
    /**
     * @param references every reference photo of {@code landmarkId} in the local store, ordered by image id
     */
    Verdict verify(LocalFeatures query, String landmarkId, float candidateScore, List<ReferenceFeatures> references);
}
