package dev.landmarks.cli.submission;

import dev.landmarks.cli.csv.CsvFormatException;
import dev.landmarks.cli.csv.CsvTable;
import dev.landmarks.cli.csv.CsvWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kaggle submission file: header {@code id,landmarks}, one row per query, {@code landmarks} either
 * {@code "<landmark_id> <score>"} or empty (no landmark / no answer).
 */
public final class SubmissionCsv {
    public static final String ID = "id";
    public static final String LANDMARKS = "landmarks";

    private SubmissionCsv() {
    }

    /** What a submission file holds: its rows in order, and the ids it repeated (only the first row counts). */
    public record Contents(List<String> ids, List<Prediction> predictions, List<String> repeatedIds) {
    }

    /**
     * Writes one row per id of {@code orderedIds}, in that order, with the id's prediction or an empty value.
     * The file is written beside the target and moved into place, so a reader never sees half a submission.
     */
    public static void write(Path out, List<String> orderedIds, Map<String, Prediction> predictions) throws IOException {
        Path absolute = out.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
                csv.writeRow(List.of(ID, LANDMARKS));
                for (String id : orderedIds) {
                    Prediction p = predictions.get(id);
                    csv.writeRow(List.of(id, p == null ? "" : p.landmarkId() + " " + Scores.format(p.score())));
                }
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a submission. Of a {@code landmarks} value only the first "landmark score" pair is the prediction
     * (GAP scores one prediction per query); later pairs are ignored. A repeated id keeps its first row.
     */
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
