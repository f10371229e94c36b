package dev.landmarks.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class StableIdsTest {
    @Test
    void isTheFirst16HexCharactersOfTheSha256OfTheUrl() {
        // printf 'http://example.com/a.jpg' | sha256sum | cut -c1-16
        assertEquals("4fd63207a70baba7", StableIds.fromUrl("http://example.com/a.jpg"));
        assertEquals("4fd63207a70baba7", StableIds.fromUrl("  http://example.com/a.jpg\n"));
        assertNotEquals(StableIds.fromUrl("http://example.com/a.jpg"), StableIds.fromUrl("http://example.com/b.jpg"));
    }
}
