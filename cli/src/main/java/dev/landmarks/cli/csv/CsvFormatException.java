package dev.landmarks.cli.csv;

/** A CSV file that cannot be read as the expected table; the message names the file and line. */
public final class CsvFormatException extends RuntimeException {
    public CsvFormatException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
    }
}
