package dev.landmarks.ingest.decode;

import java.awt.image.BufferedImage;

/**
 * An image ready to publish.
 *
 * @param resized        the pixels after resizing (TYPE_3BYTE_BGR), the same that were encoded into {@code jpeg}
 * @param jpeg           baseline JPEG of {@code resized}
 * @param originalWidth  width announced by the fetched file's header
 * @param originalHeight height announced by the fetched file's header
 * @param decodeMillis   time to check and decode the bytes
 * @param resizeMillis   time to shrink (about 0 when the image already fits)
 * @param encodeMillis   time to encode the JPEG
 */
public record PreparedImage(BufferedImage resized, byte[] jpeg, int originalWidth, int originalHeight,
                            double decodeMillis, double resizeMillis, double encodeMillis) {
}
