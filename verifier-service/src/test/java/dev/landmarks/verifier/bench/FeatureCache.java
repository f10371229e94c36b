package dev.landmarks.verifier.bench;

import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts RootSIFT features of photos once and keeps them as LocalFeatures protobuf files under
 * {@code <dir>/<extractor id>/<image id>.pb}, so repeated evaluations skip extraction. Records how long each
 * extraction took (decode excluded).
 */
final class FeatureCache {
    private final Path dir;
    private final RootSiftExtractor extractor;
    private final List<Double> extractionMillis = new ArrayList<>();

    FeatureCache(Path root, RootSiftExtractor extractor) throws IOException {
        this.dir = root.resolve(extractor.id().replace(':', '_'));
        this.extractor = extractor;
        Files.createDirectories(dir);
    }

    Features get(String imageId, Path photo) throws IOException {
        Path file = dir.resolve(imageId + ".pb");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return FeaturesCodec.fromProto(LocalFeatures.parseFrom(in));
            }
        }
        BufferedImage image = ImageIO.read(photo.toFile());
        if (image == null) {
            throw new IOException("not a readable image: " + photo);
        }
        long start = System.nanoTime();
        Features f = extractor.extract(image);
        extractionMillis.add((System.nanoTime() - start) / 1e6);
        try (OutputStream out = Files.newOutputStream(file)) {
            FeaturesCodec.toProto(f, DescriptorEncoding.FLOAT32).setImageId(imageId).build().writeTo(out);
        }
        return f;
    }

    /** Extraction times of the photos extracted by this instance (cached ones excluded). */
    List<Double> extractionMillis() {
        return extractionMillis;
    }
}
