package dev.landmarks.cli.run;

import dev.landmarks.cli.evaluate.GapReport;
import dev.landmarks.cli.submission.SolutionCsv;
import dev.landmarks.proto.Result;
import dev.landmarks.sink.submission.Prediction;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Markdown report written beside the submission: the score, how photos without a landmark were scored, the
 * outcome of every request by status, where the time went and which images were slowest.
 */
final class RunReport {
    private static final int SLOWEST = 5;

    private RunReport() {
    }

    static String markdown(RunSummary s) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Run report\n\n");
        md.append(String.format(Locale.ROOT, "- train: `%s`, test: `%s`, submission: `%s`%n",
                s.options().train(), s.options().test(), s.options().out()));
        md.append(String.format(Locale.ROOT, "- %d queries, %d results%s; wall time %.1f s%n", s.expected().size(),
                s.results().size(), s.complete() ? "" : " (INCOMPLETE: timed out)", s.wallSeconds()));
        md.append(String.format(Locale.ROOT, "- %s%n%n", s.index().describe()));

        if (s.gap().isPresent()) {
            GapReport g = s.gap().get();
            md.append("## Score\n\n");
            g.lines().forEach(l -> md.append("- ").append(l).append('\n'));
            md.append('\n');
            distractors(s, md);
        }

        md.append("## Outcomes\n\n| status | requests |\n|---|---|\n");
        s.outcomes().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        List<Result> failed = s.results().stream().filter(r -> r.getStatus() == Result.Status.FAILED).toList();
        if (!failed.isEmpty()) {
            md.append("\nFailures:\n\n");
            failed.forEach(r -> md.append("- `").append(r.getImageId()).append("`: ").append(r.getFailureDetail()).append('\n'));
        }

        md.append("\n## Time\n\n| phase | seconds |\n|---|---|\n");
        s.phaseSeconds().forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", k, v)));
        md.append("\n| stage | mean ms per image |\n|---|---|\n");
        s.meanStageMillis().forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", k, v)));

        md.append("\n## Slowest images (request to result)\n\n| image | seconds | status |\n|---|---|---|\n");
        s.results().stream()
                .filter(r -> r.getRequestedAtMs() > 0 && r.getCompletedAtMs() > 0)
                .sorted(Comparator.comparingLong((Result r) -> r.getCompletedAtMs() - r.getRequestedAtMs()).reversed())
                .limit(SLOWEST)
                .forEach(r -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f | %s |%n", r.getImageId(),
                        (r.getCompletedAtMs() - r.getRequestedAtMs()) / 1000.0, r.getStatus())));
        return md.toString();
    }

    /**
     * Whether the score ranks photos without a landmark below correct answers, the thing GAP punishes. Read from the
     * submission's predictions, so NO_LANDMARK results whose unverified candidate was listed count too.
     */
    private static void distractors(RunSummary s, StringBuilder md) throws IOException {
        Map<String, Set<String>> truth = SolutionCsv.read(s.options().solution().orElseThrow());
        List<Prediction> predictions = s.expected().stream()
                .map(id -> s.sink().prediction(id)).flatMap(Optional::stream).toList();
        double bestDistractor = -1;
        int distractorsPredicted = 0;
        double worstCorrect = Double.MAX_VALUE;
        for (Prediction p : predictions) {
            Set<String> t = truth.getOrDefault(p.id(), Set.of());
            if (t.isEmpty()) {
                distractorsPredicted++;
                bestDistractor = Math.max(bestDistractor, p.score());
            } else if (t.contains(p.landmarkId())) {
                worstCorrect = Math.min(worstCorrect, p.score());
            }
        }
        int correctBelowBestDistractor = 0;
        for (Prediction p : predictions) {
            if (truth.getOrDefault(p.id(), Set.of()).contains(p.landmarkId()) && p.score() < bestDistractor) {
                correctBelowBestDistractor++;
            }
        }
        md.append("## Photos without a landmark\n\n");
        md.append(String.format(Locale.ROOT, "- %d received a prediction; the highest such score is %s%n",
                distractorsPredicted, bestDistractor < 0 ? "none" : String.format(Locale.ROOT, "%.4f", bestDistractor)));
        md.append(String.format(Locale.ROOT, "- lowest score of a correct prediction: %s; correct predictions ranked below "
                        + "the best-scored distractor: %d%n%n",
                worstCorrect == Double.MAX_VALUE ? "none" : String.format(Locale.ROOT, "%.4f", worstCorrect),
                correctBelowBestDistractor));
    }
}
