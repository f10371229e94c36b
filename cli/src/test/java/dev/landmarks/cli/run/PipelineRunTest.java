package dev.landmarks.cli.run;

import dev.landmarks.cli.SampleData;
import dev.landmarks.cli.submission.SubmissionReader;
import dev.landmarks.common.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job end to end on the bundled sample: in-process broker, index, every stage, collect, score. The
 * sample's photos are the only input, so this runs on a fresh clone.
 */
class PipelineRunTest {
    /** Well under what the default configuration reaches on the sample (see docs/results.md), above guessing. */
    private static final double GAP_FLOOR = 0.6;

    @Test
    void runOnTheBundledSampleAnswersEveryQueryOnceAndScoresAboveTheFloor(@TempDir Path tmp) throws Exception {
        Path sample = SampleData.dir();
        Path out = tmp.resolve("submission.csv");
        StringWriter log = new StringWriter();
        RunOptions options = new RunOptions(sample.resolve("train.csv"), sample.resolve("test.csv"), out,
                Optional.of(sample.resolve("solution.csv")), Optional.empty(), Optional.of(tmp.resolve("explain")));

        RunSummary summary = new PipelineRun(Settings.of(Map.of()), new PrintWriter(log, true)).execute(options);

        assertTrue(summary.complete(), "every test id must have a result; log:\n" + log);
        List<String> testIds = Files.readAllLines(sample.resolve("test.csv")).stream().skip(1)
                .map(l -> l.split(",")[0]).toList();
        SubmissionReader.Contents written = SubmissionReader.read(out);
        assertEquals(testIds, written.ids(), "one row per test id, in test.csv order");
        assertEquals(List.of(), written.repeatedIds());
        assertEquals(testIds.size(), new HashSet<>(written.ids()).size());
        double gap = summary.gap().orElseThrow().gap();
        assertTrue(gap >= GAP_FLOOR, "GAP " + gap + " is below the floor " + GAP_FLOOR + "; log:\n" + log);
        String report = Files.readString(options.reportPath());
        assertTrue(report.contains("GAP "), report);
        assertTrue(report.contains("## Slowest images"), report);
        int distractorPredictions = summary.gap().orElseThrow().distractorPredictions();
        assertTrue(report.contains("- " + distractorPredictions + " received a prediction"),
                "the report counts the distractor rows the submission has (" + distractorPredictions + "):\n" + report);
        long recognized = summary.results().stream()
                .filter(r -> r.getStatus() == dev.landmarks.proto.Result.Status.RECOGNIZED).count();
        try (var pictures = Files.list(tmp.resolve("explain"))) {
            assertTrue(pictures.filter(p -> p.toString().endsWith(".png")).count() >= recognized,
                    "a picture per recognised query");
        }
    }
}
