package dev.landmarks.classifier.retrieval.vocabulary;

import dev.landmarks.common.features.Features;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyFileTest {
    @TempDir
    Path dir;

    private static Vocabulary trained() {
        return VocabularyTrainer.train(new VocabularyConfig(3, 5, 5, 1_000, 7, null),
                VocabularyTrainerTest.images(5, 200, 2));
    }

    @Test
    void saveThenLoadGivesTheSameCodebookAndId() throws IOException {
        Vocabulary original = trained();
        Path file = dir.resolve("codebooks/vocabulary.bin");
        VocabularyFile.save(original, file);
        Vocabulary loaded = VocabularyFile.load(file);

        assertEquals(original.id(), loaded.id());
        assertEquals(original.size(), loaded.size());
        assertArrayEquals(original.coarse().centres(), loaded.coarse().centres());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(original.fine().get(c).centres(), loaded.fine().get(c).centres());
        }
        List<Features> other = VocabularyTrainerTest.images(2, 100, 99);
        for (Features f : other) {
            assertArrayEquals(original.words(f), loaded.words(f));
        }
    }

    @Test
    void theIdIsTheSha256OfTheFile() throws Exception {
        Vocabulary v = trained();
        Path file = dir.resolve("v.bin");
        VocabularyFile.save(v, file);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        assertEquals(java.util.HexFormat.of().formatHex(digest), v.id());
    }

    @Test
    void theLayoutIsTheDocumentedOne() throws IOException {
        Vocabulary v = trained();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VocabularyFile.write(v, bytes);
        int fineValues = v.fine().stream().mapToInt(c -> c.size() * 16).sum();
        // magic + dim + cells + coarse centres + one count per cell + fine centres
        assertEquals(8 + 4 + 4 + 3 * 16 * 4 + 3 * 4 + fineValues * 4, bytes.size());
        assertEquals("LMVOCAB1", new String(bytes.toByteArray(), 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void rejectsAnotherFileTruncationAndTrailingBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VocabularyFile.write(trained(), bytes);
        byte[] good = bytes.toByteArray();

        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 'X';
        IOException e = assertThrows(IOException.class, () -> VocabularyFile.read(new ByteArrayInputStream(wrongMagic)));
        assertTrue(e.getMessage().contains("magic"));
        assertThrows(IOException.class,
                () -> VocabularyFile.read(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 3))));
        assertThrows(IOException.class,
                () -> VocabularyFile.read(new ByteArrayInputStream(Arrays.copyOf(good, good.length + 1))));
        byte[] hugeCount = good.clone();
        hugeCount[8] = 0x7f;
        assertThrows(IOException.class, () -> VocabularyFile.read(new ByteArrayInputStream(hugeCount)));
    }
}
