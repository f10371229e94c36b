package dev.landmarks.sink.quarkus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output-folder part of readiness, on real folders. */
class SinkHealthTest {
    @TempDir
    Path dir;

    @Test
    void aFolderToCreateIsWritableWhenItsNearestExistingParentIs() throws Exception {
        assertTrue(SinkHealth.writableFolder(dir));
        assertTrue(SinkHealth.writableFolder(dir.resolve("not/yet")));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertFalse(SinkHealth.writableFolder(file), "a file is no folder");
        assertFalse(SinkHealth.writableFolder(file.resolve("below")), "nothing can be created under a file");
    }
}
