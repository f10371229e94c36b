package dev.landmarks.cli.index;

import dev.landmarks.cli.csv.ImageRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses which reference photos of a train.csv go into the index: up to {@code perLandmark} per landmark, the
 * same ones on every run for the same input (rows ordered by image id within each landmark), so re-indexing is a
 * no-op and the choice does not depend on the CSV's row order.
 */
public final class ReferenceSelection {
    private ReferenceSelection() {
    }

    public static List<ImageRow> select(List<ImageRow> rows, int perLandmark) {
        if (perLandmark < 1) {
            throw new IllegalArgumentException("references per landmark must be >= 1, was " + perLandmark);
        }
        Map<String, List<ImageRow>> byLandmark = new TreeMap<>();
        for (ImageRow row : rows) {
            if (row.isReference() && !row.id().isEmpty()) {
                byLandmark.computeIfAbsent(row.landmarkId(), k -> new ArrayList<>()).add(row);
            }
        }
        List<ImageRow> chosen = new ArrayList<>();
        for (List<ImageRow> group : byLandmark.values()) {
            group.stream()
                    .sorted(Comparator.comparing(ImageRow::id))
                    .distinct()
                    .limit(perLandmark)
                    .forEach(chosen::add);
        }
        return chosen;
    }
}
