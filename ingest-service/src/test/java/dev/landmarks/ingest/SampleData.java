package dev.landmarks.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's redistributable sample photos (sample/ at the repository root), as tests see them. */
public final class SampleData {
    private SampleData() {
    }

    /** sample/ relative to this module's directory, where Maven runs the tests. */
    public static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent().resolve("sample");
        if (!Files.isDirectory(root.resolve("train"))) {
            throw new IllegalStateException("sample photos not found at " + root);
        }
        return root;
    }

    public static Path photo(String relative) {
        return root().resolve(relative);
    }
}
