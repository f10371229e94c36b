package dev.landmarks.classifier.candidates;

import java.util.List;

/** A generator that learns references as they arrive (embedding kNN; later retrieval over local features). */
public interface ReferenceSink<I> {
    void addReferences(List<LabelledInput<I>> references);
}
