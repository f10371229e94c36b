package dev.landmarks.classifier.candidates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranking helpers shared by the generators: best first, ties broken by landmark id so results are deterministic. */
final class TopK {
    static final Comparator<LandmarkScore> BEST_FIRST =
            Comparator.comparingDouble(LandmarkScore::score).reversed().thenComparing(LandmarkScore::landmarkId);

    private TopK() {
    }

    static List<LandmarkScore> best(List<LandmarkScore> scores, int k) {
        List<LandmarkScore> sorted = new ArrayList<>(scores);
        sorted.sort(BEST_FIRST);
        return List.copyOf(sorted.subList(0, Math.min(k, sorted.size())));
    }
}
