package dev.landmarks.cli.index;

import dev.landmarks.proto.ReferenceFeatures;

import java.util.List;
import java.util.Map;

/**
 * What one `index` run did.
 *
 * @param added    references extracted and published by this run
 * @param kept     references already in the index with the same extractor, left alone
 * @param removed  references tombstoned (no longer selected from the CSV)
 * @param failures "image id: reason" for photos that could not be fetched or extracted
 * @param index    the index after this run: key "landmark/image id" -> reference
 */
public record IndexReport(int added, int kept, int removed, List<String> failures, Map<String, ReferenceFeatures> index,
                          double seconds) {
    public String describe() {
        return String.format("index: %d references (%d added, %d kept, %d removed, %d failed) in %.1f s",
                index.size(), added, kept, removed, failures.size(), seconds);
    }
}
