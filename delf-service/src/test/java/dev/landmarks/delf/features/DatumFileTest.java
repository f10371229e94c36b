package dev.landmarks.delf.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatumFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "packed={0}")
    @ValueSource(booleans = {true, false})
    void readsShapeAndRowMajorValues(boolean packed) throws IOException {
        Path file = dir.resolve("m.datum");
        DatumFiles.write(file, new long[]{3, 2}, new float[]{1.1f, 2.2f, 3.3f, 4.4f, 5.5f, 6.6f}, packed);

        DatumFile datum = DatumFile.read(file);

        assertArrayEquals(new long[]{3, 2}, datum.shape());
        assertArrayEquals(new float[]{1.1f, 2.2f, 3.3f, 4.4f, 5.5f, 6.6f}, datum.values());
    }

    @Test
    void shapeAndValueCountMustAgree() throws IOException {
        Path file = dir.resolve("bad.datum");
        DatumFiles.write(file, new long[]{2, 2}, new float[]{1, 2, 3}, true);

        assertThrows(IOException.class, () -> DatumFile.read(file));
    }

    @Test
    void garbageIsRefused() throws IOException {
        Path file = dir.resolve("junk.datum");
        Files.write(file, new byte[]{(byte) 0x0a, (byte) 0xff, (byte) 0xff, 0x01});

        assertThrows(IOException.class, () -> DatumFile.read(file));
    }
}
