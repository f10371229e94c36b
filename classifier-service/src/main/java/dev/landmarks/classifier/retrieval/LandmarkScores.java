package dev.landmarks.classifier.retrieval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Per-landmark accumulation of reference scores for one query: keeps each landmark's {@code aggregateTop} best
 * reference scores and combines them by the configured {@link RetrievalConfig.Aggregation}.
 */
final class LandmarkScores {
    private final int keep;
    private final boolean sum;
    private final float[] best;

    LandmarkScores(int landmarks, RetrievalConfig config) {
        this.sum = config.aggregation() == RetrievalConfig.Aggregation.SUM;
        this.keep = sum ? config.aggregateTop() : 1;
        this.best = new float[landmarks * keep];
    }

    /** One reference of {@code landmark} scored {@code score}. */
    void offer(int landmark, float score) {
        int base = landmark * keep;
        if (score <= best[base + keep - 1]) {
            return;
        }
        int i = base + keep - 1;
        while (i > base && best[i - 1] < score) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = score;
    }

    float score(int landmark) {
        float total = 0f;
        for (int i = landmark * keep; i < (landmark + 1) * keep; i++) {
            total += best[i];
        }
        return total;
    }

    /** Landmarks with a positive score, best first, at most {@code k}; ties broken by {@code tieBreak}. */
    int[] top(int k, Comparator<Integer> tieBreak) {
        int landmarks = best.length / keep;
        Integer[] chosen = new Integer[Math.min(k, landmarks)];
        float[] chosenScore = new float[chosen.length];
        int count = 0;
        Comparator<Integer> order = Comparator.<Integer>comparingDouble(l -> -score(l)).thenComparing(tieBreak);
        for (int l = 0; l < landmarks; l++) {
            float s = score(l);
            if (s <= 0f || (count == chosen.length && (s < chosenScore[count - 1]
                    || order.compare(l, chosen[count - 1]) > 0))) {
                continue;
            }
            int i = count < chosen.length ? count++ : count - 1;
            while (i > 0 && order.compare(l, chosen[i - 1]) < 0) {
                chosen[i] = chosen[i - 1];
                chosenScore[i] = chosenScore[i - 1];
                i--;
            }
            chosen[i] = l;
            chosenScore[i] = s;
        }
        return Arrays.stream(chosen, 0, count).mapToInt(Integer::intValue).toArray();
    }
}
