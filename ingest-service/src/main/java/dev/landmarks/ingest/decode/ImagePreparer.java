package dev.landmarks.ingest.decode;

import dev.landmarks.common.image.ImageDecoder;
import dev.landmarks.common.image.ImageException;
import dev.landmarks.common.image.ImageProblem;
import dev.landmarks.common.image.ImageResizer;
import dev.landmarks.common.image.JpegEncoder;

import java.awt.image.BufferedImage;
import java.util.concurrent.Semaphore;

/**
 * Fetched bytes to a publishable image: validate (format by signature, pixel count from the header, truncation),
 * decode, shrink to the maximum side, re-encode as JPEG. Always re-encoded, even a JPEG that already fits, so that
 * every image on the topic is a baseline RGB JPEG (no CMYK, progressive or alpha surprises downstream).
 * Thread-safe; at most {@link ImageConfig#decodeConcurrency()} images are in memory being decoded at once.
 */
public final class ImagePreparer {
    private final ImageConfig config;
    private final Semaphore decoding;

    public ImagePreparer(ImageConfig config) {
        this.config = config;
        this.decoding = new Semaphore(config.decodeConcurrency());
    }

    public PreparedImage prepare(byte[] data) throws ImageException, InterruptedException {
        decoding.acquire();
        try {
            long t0 = System.nanoTime();
            BufferedImage decoded;
            try {
                decoded = ImageDecoder.decode(data, config.maxPixels());
            } catch (OutOfMemoryError e) {
                // Under the pixel limit but still too big for this heap: refuse this image, keep the service up.
                throw new ImageException(ImageProblem.TOO_LARGE, "not enough memory to decode this image ("
                        + data.length + " bytes); lower ingest.max-pixels or ingest.decode-concurrency", e);
            }
            long t1 = System.nanoTime();
            BufferedImage resized = ImageResizer.fitWithin(decoded, config.maxSide());
            long t2 = System.nanoTime();
            byte[] jpeg = JpegEncoder.encode(resized, config.jpegQuality());
            long t3 = System.nanoTime();
            return new PreparedImage(resized, jpeg, decoded.getWidth(), decoded.getHeight(),
                    millis(t1 - t0), millis(t2 - t1), millis(t3 - t2));
        } finally {
            decoding.release();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
