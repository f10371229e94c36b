package dev.landmarks.delf;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's bundled sample/ photos, found from the module directory tests run in. */
public final class SampleData {
    private SampleData() {
    }

    /** {@code sample/<relative>}, e.g. "train/sacre_coeur/a2aa63283040ff1c.jpg". */
    public static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sample").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
