package dev.landmarks.sink.submission;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows of comma-separated values, quoting a field only when it must be (it holds a comma, a quote, a line
 * break, or leading/trailing spaces), doubling quotes inside. Lines end in LF, as Kaggle's own files do.
 */
public final class CsvWriter implements Closeable {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void writeRow(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write('\n');
    }

    /** The field as it appears in a CSV line. */
    public static String quote(String field) {
        String f = field == null ? "" : field;
        boolean needsQuotes = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
                || f.indexOf('\r') >= 0 || (!f.isEmpty() && (f.charAt(0) == ' ' || f.charAt(f.length() - 1) == ' '));
        return needsQuotes ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
