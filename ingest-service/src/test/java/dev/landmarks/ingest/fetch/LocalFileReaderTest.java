package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalFileReaderTest {
    @TempDir
    Path dir;

    private SourceFetcher fetcher(Path root, long maxBytes) {
        FetchConfig d = FetchConfig.defaults();
        return new SourceFetcher(new FetchConfig(maxBytes, d.connectTimeout(), d.readTimeout(), d.totalTimeout(),
                d.maxRedirects(), d.concurrency(), d.allowList(), java.util.Optional.of(root), d.userAgent()));
    }

    @Test
    void readsFilesUnderTheRootByRelativePathAndFileUrl() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root/train"));
        Files.write(root.resolve("a.jpg"), new byte[] {1, 2, 3});
        SourceFetcher fetcher = fetcher(dir.resolve("root"), 100);
        assertArrayEquals(new byte[] {1, 2, 3}, fetcher.fetch("train/a.jpg"));
        assertArrayEquals(new byte[] {1, 2, 3}, fetcher.fetch(root.resolve("a.jpg").toUri().toString()));
    }

    @Test
    void reportsMissingFilesAndDirectories() throws IOException {
        Files.createDirectories(dir.resolve("root/sub"));
        SourceFetcher fetcher = fetcher(dir.resolve("root"), 100);
        assertEquals(FailureReason.FILE_NOT_FOUND,
                assertThrows(FetchException.class, () -> fetcher.fetch("nope.jpg")).reason());
        assertEquals(FailureReason.FILE_NOT_FOUND,
                assertThrows(FetchException.class, () -> fetcher.fetch("sub")).reason());
    }

    @Test
    void enforcesTheByteLimit() throws Exception {
        Files.createDirectories(dir.resolve("root"));
        Files.write(dir.resolve("root/big.jpg"), new byte[101]);
        Files.write(dir.resolve("root/fits.jpg"), new byte[100]);
        SourceFetcher fetcher = fetcher(dir.resolve("root"), 100);
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch("big.jpg"));
        assertEquals(FailureReason.TOO_LARGE, e.reason());
        assertEquals(100, fetcher.fetch("fits.jpg").length);
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutOfTheRoot() throws Exception {
        Files.createDirectories(dir.resolve("root"));
        Files.write(dir.resolve("secret.txt"), new byte[] {42});
        Files.createSymbolicLink(dir.resolve("root/innocent.jpg"), dir.resolve("secret.txt"));
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(dir.resolve("root"), 100).fetch("innocent.jpg"));
        assertEquals(FailureReason.REFUSED_ADDRESS, e.reason());
    }
}
