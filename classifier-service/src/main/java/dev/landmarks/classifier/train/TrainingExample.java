package dev.landmarks.classifier.train;

import dev.landmarks.classifier.dataset.LabelledPhotos;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One labelled training photo. The image is decoded when the trainer needs it (once), so a list of file-backed
 * examples costs no memory until training reads it.
 */
public record TrainingExample(ImageSource source, String landmarkId) {
    /** Where the pixels come from. */
    @FunctionalInterface
    public interface ImageSource {
        BufferedImage load() throws IOException;
    }

    public TrainingExample {
        if (source == null) {
            throw new IllegalArgumentException("image source is required");
        }
        if (landmarkId == null || landmarkId.isBlank()) {
            throw new IllegalArgumentException("landmark id must not be blank");
        }
    }

    /** An image already in memory. */
    public static TrainingExample of(BufferedImage image, String landmarkId) {
        return new TrainingExample(() -> image, landmarkId);
    }

    /** An image file (any format ImageIO reads), decoded when training reads it. */
    public static TrainingExample ofFile(Path image, String landmarkId) {
        return new TrainingExample(() -> {
            BufferedImage decoded = ImageIO.read(image.toFile());
            if (decoded == null) {
                throw new IOException(image + " is not an image ImageIO can read");
            }
            return decoded;
        }, landmarkId);
    }

    /** The rows of a Kaggle-style train.csv ({@code id,url,landmark_id}, urls relative to the CSV). */
    public static List<TrainingExample> readCsv(Path csv) throws IOException {
        return LabelledPhotos.read(csv).stream().map(r -> ofFile(r.image(), r.landmarkId())).toList();
    }
}
