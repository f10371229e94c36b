package dev.landmarks.classifier.quarkus;

import dev.landmarks.common.features.Features;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** RootSIFT features of the repository's sample photos (sample/ beside this module), as the services extract them. */
final class SamplePhotos {
    private SamplePhotos() {
    }

    static Features features(String relative) {
        Path file = Path.of("").toAbsolutePath().getParent().resolve("sample").resolve(relative);
        try (RootSiftExtractor extractor = new RootSiftExtractor(RootSiftConfig.defaults())) {
            BufferedImage image = ImageIO.read(Files.newInputStream(file));
            return extractor.extract(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
