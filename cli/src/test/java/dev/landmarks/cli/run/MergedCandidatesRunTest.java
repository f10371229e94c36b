package dev.landmarks.cli.run;

import dev.landmarks.cli.Main;
import dev.landmarks.cli.SampleData;
import dev.landmarks.common.config.Settings;
import dev.landmarks.proto.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `run` with a CNN configured beside retrieval, on the bundled sample: both generators propose candidates for every
 * image, the verifier merges them, and every query still gets exactly one result. The CNN is a small one trained here
 * on the sample (no weights exist on this machine), so the test checks the wiring, not the CNN's accuracy.
 */
class MergedCandidatesRunTest {
    @Test
    void aCnnBesideRetrievalIsMergedIntoEveryQuerysCandidates(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("model");
        Settings quick = Settings.of(Map.of("train.max-epochs", "2", "train.input-size", "32",
                "train.conv-channels", "4,8", "train.hidden-units", "16", "train.augmented-views", "1"));
        StringWriter trainErr = new StringWriter();
        assertEquals(0, Main.run(quick, new PrintWriter(new StringWriter()), new PrintWriter(trainErr), "train",
                SampleData.dir().resolve("train.csv").toString(), "--out", model.toString()), trainErr.toString());

        Path sample = SampleData.dir();
        StringWriter log = new StringWriter();
        RunOptions options = new RunOptions(sample.resolve("train.csv"), sample.resolve("test.csv"),
                tmp.resolve("submission.csv"), Optional.of(sample.resolve("solution.csv")), Optional.empty(),
                Optional.empty());
        RunSummary summary = new PipelineRun(Settings.of(Map.of("classifier.model-dir", model.toString())),
                new PrintWriter(log, true)).execute(options);

        assertTrue(summary.complete(), "every test id must have a result; log:\n" + log);
        assertTrue(log.toString().contains("a CNN (softmax) beside retrieval"), log.toString());
        for (Result r : summary.results()) {
            assertTrue(r.getModelVersionsList().stream().anyMatch(v -> v.startsWith("retrieval:") && v.contains("+cnn:")
                            || v.startsWith("cnn:") && v.contains("+retrieval:")),
                    r.getImageId() + " was verified on merged candidates: " + r.getModelVersionsList());
        }
        assertEquals(summary.expected().size(), summary.results().size());
    }
}
