package dev.landmarks.cli.submission;

import dev.landmarks.cli.csv.CsvFormatException;
import dev.landmarks.cli.csv.CsvTable;
import dev.landmarks.sink.submission.SubmissionCsv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ground truth of a Kaggle recognition run: header {@code id,landmarks} (extra columns such as "Usage" are
 * ignored), {@code landmarks} a space-separated list of the correct landmark ids, empty for a photo that shows
 * no landmark.
 */
public final class SolutionCsv {
    private SolutionCsv() {
    }

    /** Query id to its set of correct landmarks (empty set = no landmark), in file order. */
    public static Map<String, Set<String>> read(Path file) throws IOException {
        Map<String, Set<String>> truth = new LinkedHashMap<>();
        try (CsvTable table = CsvTable.open(file)) {
            table.require(SubmissionCsv.ID, SubmissionCsv.LANDMARKS);
            while (table.next()) {
                String id = table.get(SubmissionCsv.ID);
                if (id.isEmpty()) {
                    throw new CsvFormatException(table.source(), table.line(), "empty id");
                }
                String landmarks = table.get(SubmissionCsv.LANDMARKS);
                Set<String> correct = landmarks.isEmpty()
                        ? Set.of()
                        : Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(landmarks.split("\\s+"))));
                if (truth.putIfAbsent(id, correct) != null) {
                    throw new CsvFormatException(table.source(), table.line(), "id " + id + " appears twice");
                }
            }
        }
        return truth;
    }
}
