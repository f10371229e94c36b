package dev.landmarks.cli.submission;

import dev.landmarks.cli.csv.CsvFormatException;
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

class SubmissionCsvTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerIdInTheGivenOrderAndReadsItBack() throws IOException {
        Path out = dir.resolve("sub/submission.csv");
        Map<String, Prediction> predictions = Map.of(
                "b", new Prediction("b", "sacre_coeur", 0.95f),
                "c", new Prediction("c", "opencv_graf", 12.5));
        SubmissionCsv.write(out, List.of("c", "a", "b"), predictions);
        assertEquals("id,landmarks\nc,opencv_graf 12.5\na,\nb,sacre_coeur 0.95\n", Files.readString(out));

        SubmissionCsv.Contents back = SubmissionCsv.read(out);
        assertEquals(List.of("c", "a", "b"), back.ids());
        assertEquals(List.of(new Prediction("c", "opencv_graf", 12.5), new Prediction("b", "sacre_coeur", 0.95)),
                back.predictions());
    }

    @Test
    void onlyTheFirstPairAndTheFirstRowOfAnIdCount() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "id,landmarks\nq1,A 0.5 B 0.9\nq2,\nq1,C 1.0\n");
        SubmissionCsv.Contents c = SubmissionCsv.read(f);
        assertEquals(List.of(new Prediction("q1", "A", 0.5)), c.predictions());
        assertEquals(List.of("q1", "q2"), c.ids());
        assertEquals(List.of("q1"), c.repeatedIds());
    }

    @Test
    void aMalformedPredictionNamesItsLine() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "id,landmarks\nq1,A 0.5\nq2,B high\n");
        var e = assertThrows(CsvFormatException.class, () -> SubmissionCsv.read(f));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void solutionListsSeveralLandmarksOrNone() throws IOException {
        Path f = dir.resolve("solution.csv");
        Files.writeString(f, "id,landmarks,Usage\nq1,A B,Private\nq2,,Public\n");
        assertEquals(Map.of("q1", Set.of("A", "B"), "q2", Set.of()), SolutionCsv.read(f));
    }

    @Test
    void scoresKeepEveryDigitNeededToRankAndNoExponent() {
        assertEquals("0.95", Scores.format(0.95f));
        assertEquals("1", Scores.format(1.0));
        assertEquals("0.0001", Scores.format(1e-4f));
        assertEquals("100", Scores.format(100.0));
        float a = 0.7f;
        float b = Math.nextUp(a);
        assertTrue(Double.parseDouble(Scores.format(a)) < Double.parseDouble(Scores.format(b)));
        assertEquals(b, Float.parseFloat(Scores.format(b)));
        assertEquals(0.1 + 0.2, Double.parseDouble(Scores.format(0.1 + 0.2)));
    }
}
