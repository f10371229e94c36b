package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceTest {
    private static final Optional<Path> SERVICE = Optional.empty();
    private static final Path ROOT = Path.of("/data/photos");
    private static final Optional<Path> LOCAL = Optional.of(ROOT);

    @ParameterizedTest(name = "service mode: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/a.jpg          | BAD_URL",
            "gopher://example.com/a           | BAD_URL",
            "javascript:alert(1)              | BAD_URL",
            "data:image/png;base64,iVBORw0KGgo | BAD_URL",
            "file:///etc/passwd               | BAD_URL",
            "train/a.jpg                      | BAD_URL",
            "/etc/passwd                      | BAD_URL",
            "http:///no-host.jpg              | BAD_URL",
            "http://exa mple.com/a.jpg        | BAD_URL",
            "'   '                            | BAD_URL"})
    void serviceModeRefuses(String location, FailureReason reason) {
        FetchException e = assertThrows(FetchException.class, () -> Source.parse(location, SERVICE));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http://example.com/a.jpg", "https://example.com/a/b.jpg?x=1", "HTTPS://Example.com/c.png"})
    void acceptsHttpAndHttpsInEveryMode(String location) throws FetchException {
        assertInstanceOf(Source.Http.class, Source.parse(location, SERVICE));
        Source.Http http = (Source.Http) Source.parse(location, LOCAL);
        assertEquals(URI.create(location), http.uri());
    }

    @Test
    void explainsWhatIsSupported() {
        FetchException e = assertThrows(FetchException.class, () -> Source.parse("ftp://example.com/a.jpg", SERVICE));
        assertEquals("scheme 'ftp' is not supported (only http and https): 'ftp://example.com/a.jpg'", e.getMessage());
        assertEquals("empty URL", assertThrows(FetchException.class, () -> Source.parse("", SERVICE)).getMessage());
    }

    @ParameterizedTest(name = "local mode: {0} -> {1}")
    @CsvSource({
            "train/a.jpg,                    /data/photos/train/a.jpg",
            "./train/../test/b.png,          /data/photos/test/b.png",
            "/data/photos/c.jpg,             /data/photos/c.jpg",
            "file:///data/photos/d%20e.jpg,  /data/photos/d e.jpg"})
    void localModeReadsPathsUnderTheRoot(String location, String expected) throws FetchException {
        Source.LocalFile file = (Source.LocalFile) Source.parse(location, LOCAL);
        assertEquals(Path.of(expected), file.path());
    }

    @ParameterizedTest(name = "local mode: {0} -> {1}")
    @CsvSource({
            "../secret.jpg,                 REFUSED_ADDRESS",
            "train/../../secret.jpg,        REFUSED_ADDRESS",
            "/etc/passwd,                   REFUSED_ADDRESS",
            "/data/photos-other/a.jpg,      REFUSED_ADDRESS",
            "file:///etc/passwd,            REFUSED_ADDRESS",
            "file:///data/photos/../x.jpg,  REFUSED_ADDRESS",
            "ftp://example.com/a.jpg,       BAD_URL"})
    void localModeRefusesEscapesFromTheRoot(String location, FailureReason reason) {
        FetchException e = assertThrows(FetchException.class, () -> Source.parse(location, LOCAL));
        assertEquals(reason, e.reason(), e.getMessage());
        if (reason == FailureReason.REFUSED_ADDRESS) {
            assertTrue(e.getMessage().contains("outside the local root /data/photos"), e.getMessage());
        }
    }
}
