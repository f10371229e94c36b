package dev.landmarks.classifier.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabelMapTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsThroughTheFile() throws IOException {
        LabelMap labels = new LabelMap(List.of("eiffel", "123", "sacre_coeur"));
        Path file = tmp.resolve("labels.txt");
        labels.write(file);
        assertEquals(labels, LabelMap.read(file));
        assertEquals("123", LabelMap.read(file).landmarkId(1));
    }

    @Test
    void ignoresTrailingEmptyLinesOnly() throws IOException {
        Path file = tmp.resolve("labels.txt");
        Files.writeString(file, "a\nb\n\n\n");
        assertEquals(List.of("a", "b"), LabelMap.read(file).landmarkIds());
        Files.writeString(file, "a\n\nb\n");
        assertThrows(IllegalArgumentException.class, () -> LabelMap.read(file));
    }

    @Test
    void rejectsDuplicatesAndEmptyFiles() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new LabelMap(List.of("a", "b", "a")));
        Path empty = tmp.resolve("empty.txt");
        Files.writeString(empty, "\n");
        assertThrows(IOException.class, () -> LabelMap.read(empty));
    }
}
