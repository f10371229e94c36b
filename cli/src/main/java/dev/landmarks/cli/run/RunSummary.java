package dev.landmarks.cli.run;

import dev.landmarks.cli.evaluate.GapReport;
import dev.landmarks.cli.index.IndexReport;
import dev.landmarks.proto.Result;
import dev.landmarks.sink.CollectOutcome;
import dev.landmarks.sink.SubmissionSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a finished run knows: what was indexed, every result, the score when a solution was given, and
 * where the time went.
 *
 * @param phaseSeconds wall seconds per phase: start, index, vocabulary, queries
 */
public record RunSummary(RunOptions options, IndexReport index, SubmissionSink sink, List<String> expected,
                         CollectOutcome collected, Optional<GapReport> gap, Map<String, Double> phaseSeconds,
                         double wallSeconds) {

    public List<Result> results() {
        List<Result> out = new ArrayList<>();
        for (String id : expected) {
            sink.result(id).ifPresent(out::add);
        }
        return out;
    }

    public boolean complete() {
        return collected.complete();
    }

    /** Mean milliseconds per image of each stage, over the results that went through it. */
    public Map<String, Double> meanStageMillis() {
        Map<String, double[]> sums = new TreeMap<>();
        for (Result r : results()) {
            r.getTimingsList().forEach(t -> {
                double[] s = sums.computeIfAbsent(t.getStage(), k -> new double[2]);
                s[0] += t.getMillis();
                s[1]++;
            });
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((stage, s) -> means.put(stage, s[0] / s[1]));
        return means;
    }

    /** "FAILED (NOT_FOUND)" style counts. */
    public Map<String, Integer> outcomes() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Result r : results()) {
            String key = r.getStatus() == Result.Status.FAILED
                    ? "FAILED (" + r.getFailureReason() + ")" : r.getStatus().name();
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }
}
