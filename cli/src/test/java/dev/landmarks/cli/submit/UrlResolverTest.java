package dev.landmarks.cli.submit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UrlResolverTest {
    private final Path folder = Path.of("/data/kaggle");

    @Test
    void relativePathsBecomeFileUrlsUnderTheCsvFolder() {
        assertEquals("file:///data/kaggle/test/abc.jpg", UrlResolver.resolve("test/abc.jpg", folder));
        assertEquals("file:///data/kaggle/test/abc.jpg", UrlResolver.resolve("./test/abc.jpg", folder));
        assertEquals("file:///data/other/x.png", UrlResolver.resolve("../other/x.png", folder));
    }

    @Test
    void spacesArePercentEncoded() {
        assertEquals("file:///data/kaggle/my%20photos/a.jpg", UrlResolver.resolve("my photos/a.jpg", folder));
    }

    @Test
    void absolutePathsAreKeptAsFileUrls() {
        assertEquals("file:///srv/img/a.jpg", UrlResolver.resolve("/srv/img/a.jpg", folder));
    }

    @Test
    void urlsWithASchemeAreKeptAsWritten() {
        assertEquals("https://example.org/a.jpg?x=1", UrlResolver.resolve("https://example.org/a.jpg?x=1", folder));
        assertEquals("http://h/a b.jpg", UrlResolver.resolve(" http://h/a b.jpg ", folder));
        assertEquals("file:///x/y.jpg", UrlResolver.resolve("file:///x/y.jpg", folder));
    }

    @Test
    void anEmptyUrlStaysEmpty() {
        assertEquals("", UrlResolver.resolve("  ", folder));
    }

    @Test
    void localFileOfAFileUrl() {
        assertEquals(Path.of("/data/kaggle/my photos/a.jpg"),
                UrlResolver.localFile("file:///data/kaggle/my%20photos/a.jpg").orElseThrow());
        assertEquals(java.util.Optional.empty(), UrlResolver.localFile("https://example.org/a.jpg"));
    }
}
