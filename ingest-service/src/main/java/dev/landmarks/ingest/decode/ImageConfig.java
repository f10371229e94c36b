package dev.landmarks.ingest.decode;

import dev.landmarks.common.config.Settings;

import java.util.Map;

/**
 * What ingest accepts and produces once the bytes are in. Setting keys (environment {@code LANDMARKS_<KEY>}):
 *
 * @param maxPixels         {@code ingest.max-pixels}, default 64000000 (64 Mpx): larger images are refused from their
 *                          header, before decoding (decoding allocates 3 bytes per pixel, and more for CMYK)
 * @param maxSide           {@code ingest.max-side}, default 1024: the longer side after resizing; the verification stage
 *                          works at 1024 px, so more would only cost bandwidth
 * @param jpegQuality       {@code ingest.jpeg-quality}, default 0.9: quality of the re-encoded JPEG, 0..1
 * @param decodeConcurrency {@code ingest.decode-concurrency}, default the number of processors: images decoded at the
 *                          same time; fetching is I/O-bound and runs wider ({@code fetch.concurrency}), decoding is
 *                          CPU- and memory-bound
 */
public record ImageConfig(long maxPixels, int maxSide, float jpegQuality, int decodeConcurrency) {
    public static final long DEFAULT_MAX_PIXELS = 64_000_000L;
    public static final int DEFAULT_MAX_SIDE = 1024;
    public static final float DEFAULT_JPEG_QUALITY = 0.9f;

    public ImageConfig {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("ingest.max-pixels must be >= 1, was " + maxPixels);
        }
        if (maxSide < 16) {
            throw new IllegalArgumentException("ingest.max-side must be >= 16, was " + maxSide);
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("ingest.jpeg-quality must be in (0, 1], was " + jpegQuality);
        }
        if (decodeConcurrency < 1) {
            throw new IllegalArgumentException("ingest.decode-concurrency must be >= 1, was " + decodeConcurrency);
        }
    }

    public static ImageConfig defaults() {
        return from(Settings.of(Map.of()));
    }

    public static ImageConfig from(Settings s) {
        return new ImageConfig(
                s.longValue("ingest.max-pixels", DEFAULT_MAX_PIXELS),
                s.integer("ingest.max-side", DEFAULT_MAX_SIDE),
                (float) s.decimal("ingest.jpeg-quality", DEFAULT_JPEG_QUALITY),
                s.integer("ingest.decode-concurrency", Runtime.getRuntime().availableProcessors()));
    }
}
