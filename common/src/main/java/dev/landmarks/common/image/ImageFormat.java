package dev.landmarks.common.image;

import java.util.Optional;

/**
 * The image formats the pipeline accepts, recognised by their leading bytes (never by file name or Content-Type,
 * which servers get wrong). Anything else is "not an image".
 */
public enum ImageFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    BMP("bmp");

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format name javax.imageio registers its readers and writers under. */
    public String imageIoName() {
        return imageIoName;
    }

    /** The format whose signature {@code data} starts with, if any. */
    public static Optional<ImageFormat> sniff(byte[] data) {
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(data, 'G', 'I', 'F', '8', '7', 'a') || startsWith(data, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        // "BM" alone is too weak (text can start with it): also require the 4 reserved header bytes to be zero.
        if (startsWith(data, 'B', 'M') && data.length >= 14
                && data[6] == 0 && data[7] == 0 && data[8] == 0 && data[9] == 0) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int... signature) {
        if (data.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((data[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
