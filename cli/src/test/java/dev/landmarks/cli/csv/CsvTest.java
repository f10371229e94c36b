package dev.landmarks.cli.csv;

import dev.landmarks.sink.submission.CsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {
    private static List<List<String>> parse(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader r = new CsvReader(new StringReader(text), "test")) {
            for (List<String> row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void quotedFieldsRoundTrip() throws IOException {
        List<List<String>> rows = List.of(
                List.of("id", "url", "landmark_id"),
                List.of("a,b", "say \"hi\"", ""),
                List.of("multi\nline", " padded ", "x\r\ny"),
                List.of("", "", "plain"));
        StringWriter text = new StringWriter();
        try (CsvWriter w = new CsvWriter(text)) {
            for (List<String> row : rows) {
                w.writeRow(row);
            }
        }
        assertTrue(text.toString().contains("\"a,b\",\"say \"\"hi\"\"\",\n"), text.toString());
        assertEquals(rows, parse(text.toString()));
    }

    @Test
    void readsCrlfBomAndAFileWithoutFinalNewline() throws IOException {
        assertEquals(List.of(List.of("id", "url"), List.of("1", "a.jpg"), List.of("2", "b.jpg")),
                parse("\uFEFFid,url\r\n1,a.jpg\r\n2,b.jpg"));
    }

    @Test
    void plainFieldsAreNotQuoted() {
        assertEquals("abc", CsvWriter.quote("abc"));
        assertEquals("", CsvWriter.quote(""));
        assertEquals("sacre_coeur 0.95", CsvWriter.quote("sacre_coeur 0.95"));
    }

    @Test
    void anUnclosedQuoteIsAnErrorWithItsLine() {
        var e = assertThrows(CsvFormatException.class, () -> parse("id,url\n1,\"a.jpg\n2,b.jpg\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThrows(CsvFormatException.class, () -> parse("\"a\"b,c\n"));
    }

    @Test
    void tableLooksUpColumnsByNameAndSkipsBlankLines(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "landmark_id,ID,url,Usage\n7,a,x.jpg,Public\n\n9,b,\"y,z.jpg\"\n", StandardCharsets.UTF_8);
        List<ImageRow> rows = ImageListCsv.read(f);
        assertEquals(List.of(new ImageRow("a", "x.jpg", "7"), new ImageRow("b", "y,z.jpg", "9")), rows);
    }

    @Test
    void aMissingColumnIsNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "id,path\n1,a.jpg\n");
        var e = assertThrows(CsvFormatException.class, () -> ImageListCsv.read(f));
        assertTrue(e.getMessage().contains("'url'"), e.getMessage());
    }

    @Test
    void readsTheBundledKaggleFiles() throws IOException {
        List<ImageRow> train = ImageListCsv.read(Path.of("..", "sample", "train.csv"));
        assertEquals(9, train.size());
        assertTrue(train.stream().allMatch(ImageRow::isReference));
        assertEquals(new ImageRow("1054b7e1d15a7ef7", "train/sacre_coeur/1054b7e1d15a7ef7.jpg", "sacre_coeur"), train.get(0));
        List<ImageRow> test = ImageListCsv.read(Path.of("..", "sample", "test.csv"));
        assertTrue(test.stream().noneMatch(ImageRow::isReference));
        assertEquals(test.stream().map(ImageRow::id).toList(), ImageListCsv.readIds(Path.of("..", "sample", "test.csv")));
    }

    @Test
    void endOfInputIsNull() throws IOException {
        try (CsvReader r = new CsvReader(new StringReader("a\n"), "t")) {
            assertEquals(List.of("a"), r.next());
            assertNull(r.next());
            assertNull(r.next());
        }
    }
}
