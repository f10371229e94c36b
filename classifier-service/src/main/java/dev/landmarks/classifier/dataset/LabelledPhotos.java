package dev.landmarks.classifier.dataset;

import dev.landmarks.classifier.candidates.LabelledInput;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Kaggle-style {@code id,url,landmark_id} CSV (header line first) whose urls are image paths relative to the
 * CSV's directory (the layout of sample/ and of the landmarks-dev set): the reference photos of the embedding index
 * and the training set of the trainer. Rows are returned in file order; images are decoded only on {@link Row#load}.
 */
public final class LabelledPhotos {
    /** One row: the photo's id, its file, its landmark. */
    public record Row(String imageId, Path image, String landmarkId) {
        public LabelledInput<BufferedImage> load() throws IOException {
            BufferedImage decoded = ImageIO.read(image.toFile());
            if (decoded == null) {
                throw new IOException(image + " is not an image ImageIO can read");
            }
            return new LabelledInput<>(imageId, landmarkId, decoded);
        }
    }

    private LabelledPhotos() {
    }

    public static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).replace(" ", "").startsWith("id,url,landmark_id")) {
            throw new IOException(csv + ": expected the header id,url,landmark_id");
        }
        Path base = csv.toAbsolutePath().getParent();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()) {
                throw new IOException(csv + " line " + (i + 1) + ": expected id,url,landmark_id, got '" + line + "'");
            }
            rows.add(new Row(f[0].strip(), base.resolve(f[1].strip()), f[2].strip()));
        }
        return rows;
    }
}
