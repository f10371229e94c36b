package dev.landmarks.cli.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 writes them: fields may be quoted, a quote inside a quoted field is doubled,
 * quoted fields may hold commas and line breaks; lines end in LF or CRLF; a UTF-8 byte order mark is skipped.
 * Rows are read one at a time, so a 4-million-row Kaggle train.csv does not have to fit in memory as text.
 */
public final class CsvReader implements Closeable {
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private final Reader in;
    private final String source;
    private int line = 1;
    private int rowStartLine = 1;
    private boolean atStart = true;
    private int pushedBack = -2;

    public CsvReader(Reader in, String source) {
        this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
        this.source = source;
    }

    public static CsvReader open(Path file) throws IOException {
        return new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @return the next row's fields, or null at the end of the input; a blank line is a row with one empty field */
    public List<String> next() throws IOException {
        int c = read();
        if (atStart && c == BYTE_ORDER_MARK) {
            c = read();
        }
        atStart = false;
        if (c == -1) {
            return null;
        }
        rowStartLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(source, rowStartLine, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (after != ',' && after != '\n' && after != '\r' && after != -1) {
                            throw new CsvFormatException(source, line, "text after the closing quote of a field");
                        }
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            fieldStart = false;
            c = read();
        }
    }

    /** The line on which the row last returned by {@link #next()} started (1-based), for error messages. */
    public int rowLine() {
        return rowStartLine;
    }

    public String source() {
        return source;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
