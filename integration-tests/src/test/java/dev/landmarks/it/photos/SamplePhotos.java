package dev.landmarks.it.photos;

import dev.landmarks.common.image.ImageDecoder;
import dev.landmarks.common.image.ImageException;
import dev.landmarks.common.image.ImageResizer;
import dev.landmarks.common.image.JpegEncoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository's bundled photos ({@code sample/train.csv} references with labels, {@code sample/test.csv} queries),
 * decoded, shrunk to a longer side and re-encoded as JPEG, so scenarios publish real photos at a size that keeps them
 * fast. Each size is prepared once per test JVM.
 */
public final class SamplePhotos {
    private static final float JPEG_QUALITY = 0.9f;
    /** Generous guard for the decoder: the bundled photos are at most a few megapixels. */
    private static final long MAX_PIXELS = 50_000_000L;
    private static final Map<Integer, List<SamplePhoto>> BY_SIZE = new ConcurrentHashMap<>();

    private SamplePhotos() {
    }

    /** Reference photos (train.csv), in file order. */
    public static List<SamplePhoto> references(int maxSide) {
        return all(maxSide).stream().filter(SamplePhoto::isReference).toList();
    }

    /** Query photos (test.csv), in file order. */
    public static List<SamplePhoto> queries(int maxSide) {
        return all(maxSide).stream().filter(p -> !p.isReference()).toList();
    }

    /** Every photo, references first. */
    public static List<SamplePhoto> all(int maxSide) {
        return BY_SIZE.computeIfAbsent(maxSide, SamplePhotos::load);
    }

    private static List<SamplePhoto> load(int maxSide) {
        Path root = sampleDirectory();
        List<SamplePhoto> photos = new ArrayList<>();
        for (String[] row : rows(root.resolve("train.csv"))) {
            photos.add(prepare(root, row[0], row[1], row[2], maxSide));
        }
        for (String[] row : rows(root.resolve("test.csv"))) {
            photos.add(prepare(root, row[0], row[1], "", maxSide));
        }
        return List.copyOf(photos);
    }

    private static SamplePhoto prepare(Path root, String id, String path, String landmarkId, int maxSide) {
        try {
            BufferedImage decoded = ImageDecoder.decode(Files.readAllBytes(root.resolve(path)), MAX_PIXELS);
            BufferedImage small = ImageResizer.fitWithin(decoded, maxSide);
            return new SamplePhoto(id, path, landmarkId, JpegEncoder.encode(small, JPEG_QUALITY), small.getWidth(),
                    small.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample/" + path, e);
        } catch (ImageException e) {
            throw new IllegalStateException("sample/" + path + " does not decode: " + e.getMessage(), e);
        }
    }

    /** The data rows of a Kaggle-style CSV (header skipped; no quoting in the bundled files). */
    private static List<String[]> rows(Path csv) {
        try {
            return Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** {@code sample/} of the repository, found from the module directory the tests run in. */
    static Path sampleDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sample");
            if (Files.isRegularFile(candidate.resolve("train.csv")) && Files.isRegularFile(candidate.resolve("test.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample/train.csv not found above " + Path.of("").toAbsolutePath());
    }
}
