package dev.landmarks.sink.submission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionCsvTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerIdInTheGivenOrder() throws IOException {
        Path out = dir.resolve("sub/submission.csv");
        Map<String, Prediction> predictions = Map.of(
                "b", new Prediction("b", "sacre_coeur", 0.95f),
                "c", new Prediction("c", "opencv_graf", 12.5));
        SubmissionCsv.write(out, List.of("c", "a", "b"), predictions);
        assertEquals("id,landmarks\nc,opencv_graf 12.5\na,\nb,sacre_coeur 0.95\n", Files.readString(out));
        try (var left = Files.list(out.getParent())) {
            assertEquals(List.of(out), left.toList(), "no temporary file is left beside the submission");
        }
    }

    @Test
    void anIdThatNeedsQuotingIsQuoted() throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter w = new CsvWriter(text)) {
            w.writeRow(List.of("a,b", "say \"hi\"", " padded", ""));
        }
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\" padded\",\n", text.toString());
    }

    @Test
    void aPredictionNeedsAnIdALandmarkWithoutSpacesAndAFiniteScore() {
        assertThrows(IllegalArgumentException.class, () -> new Prediction("", "A", 1));
        assertThrows(IllegalArgumentException.class, () -> new Prediction("q", "A B", 1));
        assertThrows(IllegalArgumentException.class, () -> new Prediction("q", "A", Double.NaN));
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
