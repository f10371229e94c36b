package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.LocalFeatures;

/** One of the two inputs the verifier needs per image: its local features or its candidate landmarks. */
sealed interface QueryHalf {
    record FeaturesHalf(LocalFeatures features) implements QueryHalf {
    }

    record PredictionsHalf(Candidates candidates) implements QueryHalf {
    }
}
