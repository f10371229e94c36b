package dev.landmarks.cli.explain;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Explainer#explainAll} did.
 *
 * @param written the PNG files, in result order
 * @param skipped one line per query without a picture: its id and why
 */
public record ExplainReport(List<Path> written, List<String> skipped) {
    public ExplainReport {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
    }
}
