package dev.landmarks.verifier.bench;

import java.util.Comparator;
import java.util.List;

/**
 * Global Average Precision (Kaggle landmark recognition): predictions of all queries sorted by score (descending,
 * ties by query id), precision at the rank of each correct prediction summed, divided by the number of queries that
 * show a landmark. Every prediction counts, so a confident wrong answer on a distractor costs precision.
 */
final class Gap {
    /** One query's answer; {@code predicted} empty = no prediction, which costs nothing and earns nothing. */
    record Prediction(String queryId, String predicted, double score, String truth) {
        boolean correct() {
            return !predicted.isEmpty() && predicted.equals(truth);
        }
    }

    private Gap() {
    }

    static double gap(List<Prediction> predictions, long queriesWithLandmark) {
        List<Prediction> ranked = predictions.stream().filter(p -> !p.predicted().isEmpty())
                .sorted(Comparator.comparingDouble(Prediction::score).reversed().thenComparing(Prediction::queryId))
                .toList();
        double sum = 0;
        int correct = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).correct()) {
                correct++;
                sum += (double) correct / (i + 1);
            }
        }
        return queriesWithLandmark == 0 ? 0 : sum / queriesWithLandmark;
    }

    static long top1(List<Prediction> predictions) {
        return predictions.stream().filter(Prediction::correct).count();
    }
}
