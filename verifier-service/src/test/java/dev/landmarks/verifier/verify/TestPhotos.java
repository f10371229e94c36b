package dev.landmarks.verifier.verify;

import dev.landmarks.common.features.Features;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** RootSIFT features of the test photos, extracted once per test JVM. */
public final class TestPhotos {
    /** A smaller budget than production keeps the suite fast; graffiti still yields hundreds of inliers. */
    public static final RootSiftConfig TEST_EXTRACTION = RootSiftConfig.defaults().withSize(1024, 1500);
    private static final Map<String, Features> CACHE = new ConcurrentHashMap<>();

    private TestPhotos() {
    }

    /** graf1.png or graf3.png from the test resources. */
    public static Features graf(String name) {
        return CACHE.computeIfAbsent("graf/" + name, k -> {
            try (InputStream in = TestPhotos.class.getResourceAsStream("/graf/" + name)) {
                return extract(ImageIO.read(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A photo of the project's bundled sample, path relative to sample/. */
    public static Features sample(String relative) {
        return CACHE.computeIfAbsent("sample/" + relative, k -> {
            try {
                return extract(ImageIO.read(Files.newInputStream(Path.of("../sample").resolve(relative))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Features extract(java.awt.image.BufferedImage image) {
        try (var extractor = new RootSiftExtractor(TEST_EXTRACTION)) {
            return extractor.extract(image);
        }
    }
}
