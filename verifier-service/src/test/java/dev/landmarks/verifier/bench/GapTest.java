package dev.landmarks.verifier.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GapTest {
    @Test
    void precisionAtEachCorrectPredictionOverQueriesWithALandmark() {
        List<Gap.Prediction> p = List.of(
                new Gap.Prediction("a", "x", 0.9, "x"),   // rank 1 correct: 1/1
                new Gap.Prediction("b", "y", 0.8, ""),    // rank 2 distractor answered: wrong
                new Gap.Prediction("c", "z", 0.7, "z"),   // rank 3 correct: 2/3
                new Gap.Prediction("d", "", 0, "w"),      // no prediction
                new Gap.Prediction("e", "v", 0.1, "u"));  // rank 4 wrong
        // queries with a landmark: a, c, d, e
        assertEquals((1.0 + 2.0 / 3) / 4, Gap.gap(p, 4), 1e-12);
        assertEquals(2, Gap.top1(p));
    }

    @Test
    void equalScoresAreRankedByQueryId() {
        List<Gap.Prediction> p = List.of(new Gap.Prediction("b", "x", 0.5, "x"), new Gap.Prediction("a", "y", 0.5, "z"));
        assertEquals(0.5 / 2, Gap.gap(p, 2), 1e-12);
    }
}
