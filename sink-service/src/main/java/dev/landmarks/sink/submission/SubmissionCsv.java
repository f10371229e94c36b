package dev.landmarks.sink.submission;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The Kaggle submission file: header {@code id,landmarks}, one row per query, {@code landmarks} either
 * {@code "<landmark_id> <score>"} or empty (no landmark / no answer). This side writes it; the command line reads it
 * back for scoring ({@code dev.landmarks.cli.submission.SubmissionReader}).
 */
public final class SubmissionCsv {
    public static final String ID = "id";
    public static final String LANDMARKS = "landmarks";

    private SubmissionCsv() {
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
}
