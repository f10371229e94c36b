package dev.landmarks.cli.evaluate;

import dev.landmarks.sink.submission.Prediction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Global Average Precision as the Kaggle landmark recognition challenges define it. Input: at most one prediction
 * per query (the first one given for an id counts) and the truth (query id to its correct landmarks, empty for a
 * photo without a landmark). The N scored predictions are sorted by score, highest first; P(i) is the fraction of
 * correct predictions among the first i, rel(i) is 1 when prediction i is correct, and
 * GAP = (1/M) * sum over i of P(i) * rel(i), where M counts the queries that have a landmark. Every prediction counts
 * in P(i), including those for photos without a landmark, so confident guesses on distractors lower the GAP; a
 * query without a prediction adds nothing. Equal scores are ordered by query id (ascending) to be deterministic.
 */
public final class Gap {
    /** Highest score first; ties by query id so the same submission always gives the same GAP. */
    static final Comparator<Prediction> RANKING =
            Comparator.comparingDouble(Prediction::score).reversed().thenComparing(Prediction::id);

    private Gap() {
    }

    public static GapReport compute(List<Prediction> predictions, Map<String, Set<String>> truth) {
        List<Prediction> scored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int ignored = 0;
        for (Prediction p : predictions) {
            if (!truth.containsKey(p.id()) || !seen.add(p.id())) {
                ignored++;
            } else {
                scored.add(p);
            }
        }
        scored.sort(RANKING);

        int withLandmark = (int) truth.values().stream().filter(s -> !s.isEmpty()).count();
        int correct = 0;
        int distractors = 0;
        double precisionSum = 0;
        for (int i = 0; i < scored.size(); i++) {
            Prediction p = scored.get(i);
            Set<String> expected = truth.get(p.id());
            if (expected.isEmpty()) {
                distractors++;
            }
            if (expected.contains(p.landmarkId())) {
                correct++;
                precisionSum += (double) correct / (i + 1);
            }
        }
        double gap = withLandmark == 0 ? 0 : precisionSum / withLandmark;
        double top1 = withLandmark == 0 ? 0 : (double) correct / withLandmark;
        return new GapReport(gap, truth.size(), withLandmark, scored.size(), correct, top1,
                truth.size() - withLandmark, distractors, ignored);
    }
}
