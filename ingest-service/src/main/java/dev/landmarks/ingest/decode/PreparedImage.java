package dev.landmarks.ingest.decode;

import java.awt.image.BufferedImage;

/**
 * An image ready to publish.
 *
 * @param resized        the pixels after resizing (TYPE_3BYTE_BGR), the same that were encoded into {@code jpeg}
 * @param jpeg           baseline JPEG of {@code resized}
 * @param originalWidth  size announced by the fetched file's header
 * @param originalHeight
 */
public record PreparedImage(BufferedImage resized, byte[] jpeg, int originalWidth, int originalHeight,
                            double decodeMillis, double resizeMillis, double encodeMillis) {
}
