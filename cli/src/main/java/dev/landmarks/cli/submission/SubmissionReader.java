package dev.landmarks.cli.submission;

import dev.landmarks.cli.csv.CsvFormatException;
import dev.landmarks.cli.csv.CsvTable;
import dev.landmarks.sink.submission.Prediction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.landmarks.sink.submission.SubmissionCsv.ID;
import static dev.landmarks.sink.submission.SubmissionCsv.LANDMARKS;

/**
 * Reads a Kaggle submission file (the format {@link dev.landmarks.sink.submission.SubmissionCsv} writes) for
 * scoring. Of a {@code landmarks} value only the first "landmark score" pair is the prediction (GAP scores one
 * prediction per query); later pairs are ignored. A repeated id keeps its first row.
 */
public final class SubmissionReader {
    private SubmissionReader() {
    }

    /** What a submission file holds: its rows in order, and the ids it repeated (only the first row counts). */
    public record Contents(List<String> ids, List<Prediction> predictions, List<String> repeatedIds) {
    }

    public static Contents read(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CsvTable table = CsvTable.open(file)) {
            table.require(ID, LANDMARKS);
            while (table.next()) {
                String id = table.get(ID);
                if (id.isEmpty()) {
                    throw new CsvFormatException(table.source(), table.line(), "empty id");
                }
                if (!seen.add(id)) {
                    repeated.add(id);
                    continue;
                }
                ids.add(id);
                parse(table, id).ifPresent(predictions::add);
            }
        }
        return new Contents(List.copyOf(ids), List.copyOf(predictions), List.copyOf(repeated));
    }

    private static Optional<Prediction> parse(CsvTable table, String id) {
        String value = table.get(LANDMARKS);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] tokens = value.split("\\s+");
        if (tokens.length < 2) {
            throw new CsvFormatException(table.source(), table.line(),
                    "landmarks must be '<landmark_id> <score>', was '" + value + "'");
        }
        try {
            return Optional.of(new Prediction(id, tokens[0], Double.parseDouble(tokens[1])));
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(table.source(), table.line(), "unreadable prediction '" + value + "': "
                    + e.getMessage());
        }
    }
}
