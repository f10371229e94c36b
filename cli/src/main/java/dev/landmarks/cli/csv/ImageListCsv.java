package dev.landmarks.cli.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Reads the Kaggle image lists: train.csv ({@code id,url,landmark_id}) and test.csv ({@code id,url}). */
public final class ImageListCsv {
    public static final String ID = "id";
    public static final String URL = "url";
    public static final String LANDMARK_ID = "landmark_id";

    private ImageListCsv() {
    }

    /** Every row in file order; the {@code url} column is required, {@code landmark_id} optional. */
    public static List<ImageRow> read(Path file) throws IOException {
        List<ImageRow> rows = new ArrayList<>();
        try (CsvTable table = CsvTable.open(file)) {
            table.require(ID, URL);
            while (table.next()) {
                rows.add(new ImageRow(table.get(ID), table.get(URL), table.get(LANDMARK_ID)));
            }
        }
        return rows;
    }

    /**
     * The distinct ids of any CSV with an {@code id} column (test.csv, solution.csv, a submission), in file order;
     * a repeated id keeps its first position.
     */
    public static List<String> readIds(Path file) throws IOException {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        try (CsvTable table = CsvTable.open(file)) {
            table.require(ID);
            while (table.next()) {
                String id = table.get(ID);
                if (id.isEmpty()) {
                    throw new CsvFormatException(table.source(), table.line(), "empty id");
                }
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }
}
