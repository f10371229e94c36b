package dev.landmarks.cli.evaluate;

import dev.landmarks.sink.submission.Prediction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-computed GAP cases; each comment shows the ranked list and the arithmetic. */
class GapTest {
    private static final double EPS = 1e-12;

    private static Map<String, Set<String>> truth(Object... idThenLandmarks) {
        Map<String, Set<String>> t = new LinkedHashMap<>();
        for (int i = 0; i < idThenLandmarks.length; i += 2) {
            t.put((String) idThenLandmarks[i], (Set<String>) idThenLandmarks[i + 1]);
        }
        return t;
    }

    private static Prediction p(String id, String landmark, double score) {
        return new Prediction(id, landmark, score);
    }

    @Test
    void perfectSubmissionScoresOne() {
        var t = truth("q1", Set.of("A"), "q2", Set.of("B"), "q3", Set.of("C"), "d1", Set.of());
        var r = Gap.compute(List.of(p("q1", "A", 0.3), p("q2", "B", 0.9), p("q3", "C", 0.1)), t);
        assertEquals(1.0, r.gap(), EPS);
        assertEquals(1.0, r.top1Accuracy(), EPS);
        assertEquals(3, r.queriesWithLandmark());
        assertEquals(0, r.distractorPredictions());
    }

    @Test
    void allWrongScoresZero() {
        var t = truth("q1", Set.of("A"), "q2", Set.of("B"));
        var r = Gap.compute(List.of(p("q1", "B", 0.9), p("q2", "A", 0.8)), t);
        assertEquals(0.0, r.gap(), EPS);
        assertEquals(0.0, r.top1Accuracy(), EPS);
        assertEquals(2, r.predictions());
    }

    /** The worked example of docs/evaluation.md. */
    @Test
    void workedExampleOfTheDocs() {
        var t = truth("q1", Set.of("A"), "q2", Set.of("B"), "q3", Set.of("C"), "q4", Set.of(), "q5", Set.of());
        // ranked: q1 A 0.9 (right, P=1/1), q4 X 0.8 (distractor), q2 C 0.7 (wrong), q3 C 0.6 (right, P=2/4)
        // GAP = (1 + 0.5) / 3 = 0.5
        var r = Gap.compute(List.of(p("q3", "C", 0.6), p("q1", "A", 0.9), p("q2", "C", 0.7), p("q4", "X", 0.8)), t);
        assertEquals(0.5, r.gap(), EPS);
        assertEquals(2.0 / 3, r.top1Accuracy(), EPS);
        assertEquals(2, r.correct());
        assertEquals(4, r.predictions());
        assertEquals(1, r.distractorPredictions());
        assertEquals(2, r.noLandmarkQueries());
        assertEquals(5, r.queries());
        // without the distractor's prediction q3 ranks third: GAP = (1 + 2/3) / 3
        var noDistractor = Gap.compute(List.of(p("q3", "C", 0.6), p("q1", "A", 0.9), p("q2", "C", 0.7)), t);
        assertEquals((1 + 2.0 / 3) / 3, noDistractor.gap(), EPS);
    }

    @Test
    void tiesAreOrderedByIdWhateverTheInputOrder() {
        var t = truth("q1", Set.of("A"), "q2", Set.of("B"));
        // equal scores: q1 (wrong) ranks before q2 (right), so P = 1/2 at q2; GAP = 0.5 / 2 = 0.25
        List<Prediction> preds = new ArrayList<>(List.of(p("q2", "B", 0.5), p("q1", "X", 0.5)));
        assertEquals(0.25, Gap.compute(preds, t).gap(), EPS);
        Collections.reverse(preds);
        assertEquals(0.25, Gap.compute(preds, t).gap(), EPS);
    }

    @Test
    void emptyPredictionsScoreZero() {
        var t = truth("q1", Set.of("A"), "d1", Set.of());
        var r = Gap.compute(List.of(), t);
        assertEquals(0.0, r.gap(), EPS);
        assertEquals(0, r.predictions());
        assertEquals(1, r.queriesWithLandmark());
    }

    @Test
    void confidentPredictionsOnDistractorsLowerTheGap() {
        var t = truth("q1", Set.of("A"), "d1", Set.of(), "d2", Set.of());
        assertEquals(1.0, Gap.compute(List.of(p("q1", "A", 0.5)), t).gap(), EPS);
        // d1 0.9, d2 0.8 rank above q1 0.5: P = 1/3 at q1, GAP = 1/3
        var r = Gap.compute(List.of(p("q1", "A", 0.5), p("d1", "A", 0.9), p("d2", "B", 0.8)), t);
        assertEquals(1.0 / 3, r.gap(), EPS);
        assertEquals(2, r.distractorPredictions());
        // a distractor scored below the correct answer costs nothing
        assertEquals(1.0, Gap.compute(List.of(p("q1", "A", 0.5), p("d1", "A", 0.1)), t).gap(), EPS);
    }

    @Test
    void queriesMissingFromTheSubmissionCountInTheDenominator() {
        var t = truth("q1", Set.of("A"), "q2", Set.of("B"), "q3", Set.of("C"), "q4", Set.of("D"));
        // only q1 answered (right): GAP = 1 / 4
        var r = Gap.compute(List.of(p("q1", "A", 0.2)), t);
        assertEquals(0.25, r.gap(), EPS);
        assertEquals(0.25, r.top1Accuracy(), EPS);
    }

    @Test
    void aPredictionIsRightWhenItIsAnyOfTheTrueLandmarks() {
        var t = truth("q1", Set.of("A", "B"), "q2", Set.of("C"));
        // q1 B 0.9 right (P=1), q2 A 0.8 wrong; GAP = 1/2
        var r = Gap.compute(List.of(p("q1", "B", 0.9), p("q2", "A", 0.8)), t);
        assertEquals(0.5, r.gap(), EPS);
        assertEquals(1, r.correct());
    }

    @Test
    void onlyTheFirstPredictionPerQueryAndOnlyKnownIdsAreScored() {
        var t = truth("q1", Set.of("A"), "q2", Set.of("B"));
        // q1's second prediction (right, higher) and the unknown id are ignored:
        // ranked: q1 X 0.5 wrong, q2 B 0.4 right P=1/2 -> GAP = 0.25
        var r = Gap.compute(List.of(p("q1", "X", 0.5), p("q1", "A", 0.99), p("q2", "B", 0.4), p("zz", "A", 1.0)), t);
        assertEquals(0.25, r.gap(), EPS);
        assertEquals(2, r.predictions());
        assertEquals(2, r.ignoredPredictions());
    }

    @Test
    void noQueryWithALandmarkGivesZero() {
        var r = Gap.compute(List.of(p("d1", "A", 0.9)), truth("d1", Set.of()));
        assertEquals(0.0, r.gap(), EPS);
        assertEquals(1, r.distractorPredictions());
    }

    @Test
    void reportStartsWithTheGapLine() {
        var t = truth("q1", Set.of("A"), "q2", Set.of("B"), "q3", Set.of("C"), "q4", Set.of(), "q5", Set.of());
        var r = Gap.compute(List.of(p("q3", "C", 0.6), p("q1", "A", 0.9), p("q2", "C", 0.7), p("q4", "X", 0.8)), t);
        assertEquals("GAP 0.500000", r.lines().get(0));
        assertEquals("top-1 accuracy 0.666667 (2 of 3 queries with a landmark)", r.lines().get(1));
        assertEquals("no-landmark queries with a prediction: 1 of 2", r.lines().get(2));
    }
}
