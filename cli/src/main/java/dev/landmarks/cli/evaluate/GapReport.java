package dev.landmarks.cli.evaluate;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of scoring a submission against the truth.
 *
 * @param gap                   Global Average Precision, in [0, 1]; 0 when no query has a landmark
 * @param queries               queries in the truth
 * @param queriesWithLandmark   M, the GAP denominator: queries whose truth lists at least one landmark
 * @param predictions           queries of the truth that received a prediction (one each)
 * @param correct               predictions naming one of the query's landmarks
 * @param top1Accuracy          correct / queriesWithLandmark (0 when there are none)
 * @param noLandmarkQueries     queries whose truth is empty (distractors)
 * @param distractorPredictions distractors that received a prediction (each lowers the precision of what follows)
 * @param ignoredPredictions    predictions for ids that are not in the truth, or repeats of an id (not scored)
 */
public record GapReport(double gap, int queries, int queriesWithLandmark, int predictions, int correct,
                        double top1Accuracy, int noLandmarkQueries, int distractorPredictions,
                        int ignoredPredictions) {

    /** The report as printed by {@code landmarks evaluate}; the first line is "GAP <value>". */
    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "GAP %.6f", gap),
                String.format(Locale.ROOT, "top-1 accuracy %.6f (%d of %d queries with a landmark)",
                        top1Accuracy, correct, queriesWithLandmark),
                String.format(Locale.ROOT, "no-landmark queries with a prediction: %d of %d",
                        distractorPredictions, noLandmarkQueries),
                String.format(Locale.ROOT, "predictions scored: %d for %d queries", predictions, queries));
    }
}
