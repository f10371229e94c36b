package dev.landmarks.cli.submission;

import dev.landmarks.cli.csv.CsvFormatException;
import dev.landmarks.sink.submission.Prediction;
import dev.landmarks.sink.submission.SubmissionCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Submissions read back for scoring (the sink writes them), and the solution file. */
class SubmissionReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatTheSinkWrote() throws IOException {
        Path out = dir.resolve("sub/submission.csv");
        Map<String, Prediction> predictions = Map.of(
                "b", new Prediction("b", "sacre_coeur", 0.95f),
                "c", new Prediction("c", "opencv_graf", 12.5));
        SubmissionCsv.write(out, List.of("c", "a", "b"), predictions);

        SubmissionReader.Contents back = SubmissionReader.read(out);
        assertEquals(List.of("c", "a", "b"), back.ids());
        assertEquals(List.of(new Prediction("c", "opencv_graf", 12.5), new Prediction("b", "sacre_coeur", 0.95)),
                back.predictions());
    }

    @Test
    void onlyTheFirstPairAndTheFirstRowOfAnIdCount() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "id,landmarks\nq1,A 0.5 B 0.9\nq2,\nq1,C 1.0\n");
        SubmissionReader.Contents c = SubmissionReader.read(f);
        assertEquals(List.of(new Prediction("q1", "A", 0.5)), c.predictions());
        assertEquals(List.of("q1", "q2"), c.ids());
        assertEquals(List.of("q1"), c.repeatedIds());
    }

    @Test
    void aMalformedPredictionNamesItsLine() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "id,landmarks\nq1,A 0.5\nq2,B high\n");
        var e = assertThrows(CsvFormatException.class, () -> SubmissionReader.read(f));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void solutionListsSeveralLandmarksOrNone() throws IOException {
        Path f = dir.resolve("solution.csv");
        Files.writeString(f, "id,landmarks,Usage\nq1,A B,Private\nq2,,Public\n");
        assertEquals(Map.of("q1", Set.of("A", "B"), "q2", Set.of()), SolutionCsv.read(f));
    }
}
