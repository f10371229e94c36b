package dev.landmarks.classifier.train;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** One labelled training photo. */
public record TrainingExample(BufferedImage image, String landmarkId) {
    public TrainingExample {
        if (image == null) {
            throw new IllegalArgumentException("image is required");
        }
        if (landmarkId == null || landmarkId.isBlank()) {
            throw new IllegalArgumentException("landmark id must not be blank");
        }
    }

    public static TrainingExample load(Path image, String landmarkId) throws IOException {
        BufferedImage decoded = ImageIO.read(image.toFile());
        if (decoded == null) {
            throw new IOException(image + " is not an image ImageIO can read");
        }
        return new TrainingExample(decoded, landmarkId);
    }
}
