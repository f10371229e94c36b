package dev.landmarks.classifier.model;

import java.awt.image.BufferedImage;

/**
 * Pure functions from a decoded image to a network input: stretch to the model's square input with bilinear
 * sampling at pixel centres (what tf.image.resize does without antialiasing), then normalise.
 * The result is one image, row-major height x width x 3 channels, ready to be copied into a batch tensor.
 */
public final class ImagePreprocessing {
    private ImagePreprocessing() {
    }

    /** Packed 0xRRGGBB pixels of an image, row-major (alpha dropped). */
    public static int[] rgbPixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /**
     * Bilinear resize of packed RGB pixels to {@code outWidth x outHeight}, keeping the channels as floats 0..255
     * (no rounding, so a later normalisation sees exact interpolated values). Output is row-major HWC, RGB.
     */
    public static float[] resize(int[] rgb, int width, int height, int outWidth, int outHeight) {
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + rgb.length);
        }
        if (outWidth < 1 || outHeight < 1) {
            throw new IllegalArgumentException("output size must be positive");
        }
        float[] out = new float[outWidth * outHeight * 3];
        float sx = (float) width / outWidth;
        float sy = (float) height / outHeight;
        for (int oy = 0; oy < outHeight; oy++) {
            // Centre of the output pixel mapped back into the source grid (half-pixel convention).
            float fy = clamp((oy + 0.5f) * sy - 0.5f, 0, height - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, height - 1);
            float wy = fy - y0;
            for (int ox = 0; ox < outWidth; ox++) {
                float fx = clamp((ox + 0.5f) * sx - 0.5f, 0, width - 1);
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, width - 1);
                float wx = fx - x0;
                int o = (oy * outWidth + ox) * 3;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    float top = lerp(channel(rgb[y0 * width + x0], shift), channel(rgb[y0 * width + x1], shift), wx);
                    float bottom = lerp(channel(rgb[y1 * width + x0], shift), channel(rgb[y1 * width + x1], shift), wx);
                    out[o + c] = lerp(top, bottom, wy);
                }
            }
        }
        return out;
    }

    /** Normalises RGB floats 0..255 (HWC) in a new array; CAFFE also swaps to BGR. */
    public static float[] normalize(float[] rgb, Normalization normalization) {
        if (rgb.length % 3 != 0) {
            throw new IllegalArgumentException("expected 3 channels per pixel");
        }
        float[] out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            normalization.apply(rgb[i], rgb[i + 1], rgb[i + 2], out, i);
        }
        return out;
    }

    /** Resize to a square {@code size} and normalise: the whole preprocessing of one image. */
    public static float[] toInput(BufferedImage image, int size, Normalization normalization) {
        float[] resized = resize(rgbPixels(image), image.getWidth(), image.getHeight(), size, size);
        return normalize(resized, normalization);
    }

    private static int channel(int pixel, int shift) {
        return (pixel >> shift) & 0xFF;
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
