package dev.landmarks.classifier.candidates;

import java.util.List;

/**
 * Proposes the most likely landmarks for a batch of inputs, best first. {@code I} is what the generator looks at:
 * a decoded image for the CNN generators (softmax, embedding kNN), local features for the weight-free retrieval
 * generator. Batches are the unit of work so that one consumer poll becomes one model call.
 */
public interface CandidateGenerator<I> extends AutoCloseable {
    /** Generator and model version recorded in every prediction, e.g. "cnn:0123456789ab". */
    String modelId();

    /** One list per input, in input order, each best first and at most top-k long. */
    List<List<LandmarkScore>> candidates(List<I> batch);

    @Override
    default void close() {
    }
}
