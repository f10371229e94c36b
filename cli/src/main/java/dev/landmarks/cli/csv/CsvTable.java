package dev.landmarks.cli.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file with a header row, read row by row with fields looked up by column name (case-insensitive), so
 * extra columns (Kaggle's "Usage") and any column order are accepted. A row with fewer fields than the header
 * reads the missing ones as empty; a completely blank line is skipped.
 */
public final class CsvTable implements Closeable {
    private final CsvReader reader;
    private final Map<String, Integer> columns = new HashMap<>();
    private List<String> row;

    private CsvTable(CsvReader reader) throws IOException {
        this.reader = reader;
        List<String> header = reader.next();
        if (header == null) {
            throw new CsvFormatException(reader.source(), 1, "the file is empty (a header row is needed)");
        }
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
    }

    public static CsvTable open(Path file) throws IOException {
        return new CsvTable(CsvReader.open(file));
    }

    public static CsvTable of(CsvReader reader) throws IOException {
        return new CsvTable(reader);
    }

    /** Fails with the file's name and the columns found when a required column is missing. */
    public void require(String... names) {
        for (String name : names) {
            if (!has(name)) {
                throw new CsvFormatException(reader.source(), 1,
                        "no '" + name + "' column in the header (columns: " + String.join(", ", columns.keySet()) + ")");
            }
        }
    }

    public boolean has(String column) {
        return columns.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /** Moves to the next non-blank row; false at the end of the file. */
    public boolean next() throws IOException {
        do {
            row = reader.next();
        } while (row != null && row.size() == 1 && row.get(0).isBlank());
        return row != null;
    }

    /** The current row's value of a column, trimmed; empty when the column or the field is absent. */
    public String get(String column) {
        Integer i = columns.get(column.toLowerCase(Locale.ROOT));
        return i == null || i >= row.size() ? "" : row.get(i).trim();
    }

    public Optional<String> find(String column) {
        String v = get(column);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** Line of the current row, for error messages. */
    public int line() {
        return reader.rowLine();
    }

    public String source() {
        return reader.source();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
