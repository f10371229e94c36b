package dev.landmarks.classifier.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Output index -> landmark id of a softmax model. File format ({@value #FILE_NAME} in the model directory): UTF-8,
 * one landmark id per line, line {@code i} (0-based) names output {@code i}; ids are unique and non-blank;
 * trailing empty lines are ignored.
 */
public record LabelMap(List<String> landmarkIds) {
    public static final String FILE_NAME = "labels.txt";

    public LabelMap {
        landmarkIds = List.copyOf(landmarkIds);
        var seen = new HashSet<String>();
        for (int i = 0; i < landmarkIds.size(); i++) {
            String id = landmarkIds.get(i);
            if (id.isBlank() || !id.equals(id.strip())) {
                throw new IllegalArgumentException("label " + i + " is blank or has surrounding spaces: '" + id + "'");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("label '" + id + "' appears twice (second at line " + (i + 1) + ")");
            }
        }
    }

    public static LabelMap read(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new IOException(file + " lists no labels");
        }
        return new LabelMap(lines);
    }

    public void write(Path file) throws IOException {
        Files.write(file, landmarkIds, StandardCharsets.UTF_8);
    }

    public int size() {
        return landmarkIds.size();
    }

    public String landmarkId(int outputIndex) {
        return landmarkIds.get(outputIndex);
    }
}
