package dev.landmarks.ingest;

import dev.landmarks.common.config.Settings;
import dev.landmarks.ingest.fetch.FetchConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestConfigTest {
    @Test
    void hasTheDocumentedDefaults() {
        IngestConfig c = IngestConfig.from(Settings.of(Map.of()));
        assertEquals(20_000_000L, c.fetch().maxBytes());
        assertEquals(Duration.ofSeconds(5), c.fetch().connectTimeout());
        assertEquals(Duration.ofSeconds(10), c.fetch().readTimeout());
        assertEquals(Duration.ofSeconds(30), c.fetch().totalTimeout());
        assertEquals(5, c.fetch().maxRedirects());
        assertEquals(8, c.fetch().concurrency());
        assertEquals(List.of(), c.fetch().allowList());
        assertFalse(c.fetch().localMode());
        assertEquals(64_000_000L, c.image().maxPixels());
        assertEquals(1024, c.image().maxSide());
        assertEquals(0.9f, c.image().jpegQuality());
    }

    @Test
    void readsEverySetting() {
        IngestConfig c = IngestConfig.from(Settings.of(Map.ofEntries(
                Map.entry("fetch.max-bytes", "1000"), Map.entry("fetch.connect-timeout", "250ms"),
                Map.entry("fetch.read-timeout", "1s"), Map.entry("fetch.total-timeout", "PT3S"),
                Map.entry("fetch.max-redirects", "0"), Map.entry("fetch.concurrency", "2"),
                Map.entry("fetch.allow-list", " 127.0.0.1, 10.0.0.0/8 ,Images.Internal"),
                Map.entry("fetch.local-root", "/data/photos/../photos"), Map.entry("fetch.user-agent", "me"),
                Map.entry("ingest.max-pixels", "5000"), Map.entry("ingest.max-side", "512"),
                Map.entry("ingest.jpeg-quality", "0.75"), Map.entry("ingest.decode-concurrency", "3"))));
        FetchConfig f = c.fetch();
        assertEquals(1000, f.maxBytes());
        assertEquals(Duration.ofMillis(250), f.connectTimeout());
        assertEquals(Duration.ofSeconds(1), f.readTimeout());
        assertEquals(Duration.ofSeconds(3), f.totalTimeout());
        assertEquals(0, f.maxRedirects());
        assertEquals(2, f.concurrency());
        assertEquals(List.of("127.0.0.1", "10.0.0.0/8", "images.internal"), f.allowList());
        assertEquals(Optional.of(Path.of("/data/photos")), f.localRoot());
        assertTrue(f.localMode());
        assertEquals("me", f.userAgent());
        assertEquals(5000, c.image().maxPixels());
        assertEquals(512, c.image().maxSide());
        assertEquals(0.75f, c.image().jpegQuality());
        assertEquals(3, c.image().decodeConcurrency());
    }

    @Test
    void refusesInvalidValuesNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FetchConfig.from(Settings.of(Map.of("fetch.concurrency", "0"))));
        assertTrue(e.getMessage().startsWith("fetch.concurrency"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FetchConfig.from(Settings.of(Map.of("fetch.allow-list", "10.0.0.0/40"))));
        assertThrows(IllegalArgumentException.class,
                () -> FetchConfig.from(Settings.of(Map.of("fetch.read-timeout", "0s"))));
        assertThrows(IllegalArgumentException.class,
                () -> FetchConfig.from(Settings.of(Map.of("fetch.max-redirects", "-1"))));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceConfig.from(Settings.of(Map.of("ingest.max-batch", "0"))));
    }
}
