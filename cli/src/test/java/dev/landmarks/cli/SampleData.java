package dev.landmarks.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's bundled sample (sample/ at the repo root) from a module's working directory. */
public final class SampleData {
    private SampleData() {
    }

    public static Path dir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("sample/train.csv"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("the bundled sample/ folder was not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("sample");
    }
}
