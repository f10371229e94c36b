package dev.landmarks.delf.features;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's bundled sample/ photos, found from the module directory tests run in. */
final class SampleImages {
    private SampleImages() {
    }

    static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sample").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
