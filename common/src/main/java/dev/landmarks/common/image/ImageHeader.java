package dev.landmarks.common.image;

/** What an image's header says, read without decoding any pixel. */
public record ImageHeader(ImageFormat format, int width, int height) {
    public ImageHeader {
        if (format == null) {
            throw new IllegalArgumentException("format must not be null");
        }
    }

    /** width x height as a long: 30000 x 30000 does not fit an int's worth of care. */
    public long pixels() {
        return (long) width * height;
    }
}
