package dev.landmarks.classifier.model;

import java.util.Locale;

/**
 * How 8-bit RGB pixels become the float inputs a network was trained on. The names follow the three conventions
 * Keras applications use, plus plain [0,1]; a model must be served with the normalisation it was trained with.
 */
public enum Normalization {
    /** value / 255, RGB: what the project's own trainer uses. */
    UNIT,
    /** value / 127.5 - 1, RGB ("tf" mode: MobileNet, Inception, EfficientNet V2 ...). */
    SYMMETRIC,
    /** BGR, minus the ImageNet channel means, no scaling ("caffe" mode: Keras VGG16, VGG19, ResNet50). */
    CAFFE,
    /** value / 255, minus the ImageNet mean, divided by the ImageNet standard deviation, RGB ("torch" mode: DenseNet). */
    TORCH;

    // ImageNet statistics, RGB order: published constants of the Keras applications' preprocessing.
    private static final float[] CAFFE_MEAN_RGB = {123.68f, 116.779f, 103.939f};
    private static final float[] TORCH_MEAN_RGB = {0.485f, 0.456f, 0.406f};
    private static final float[] TORCH_STD_RGB = {0.229f, 0.224f, 0.225f};

    /** Parses a setting value: unit, symmetric (or tf), caffe, torch; case-insensitive. */
    public static Normalization parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "unit" -> UNIT;
            case "symmetric", "tf" -> SYMMETRIC;
            case "caffe" -> CAFFE;
            case "torch" -> TORCH;
            default -> throw new IllegalArgumentException(
                    "unknown normalization '" + value + "': use unit, symmetric, caffe or torch");
        };
    }

    /** The setting value that {@link #parse} reads back. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes one pixel's three network inputs at {@code out[offset..offset+2]}.
     *
     * @param r red 0..255
     * @param g green 0..255
     * @param b blue 0..255
     */
    public void apply(float r, float g, float b, float[] out, int offset) {
        switch (this) {
            case UNIT -> {
                out[offset] = r / 255f;
                out[offset + 1] = g / 255f;
                out[offset + 2] = b / 255f;
            }
            case SYMMETRIC -> {
                out[offset] = r / 127.5f - 1f;
                out[offset + 1] = g / 127.5f - 1f;
                out[offset + 2] = b / 127.5f - 1f;
            }
            case CAFFE -> {
                out[offset] = b - CAFFE_MEAN_RGB[2];
                out[offset + 1] = g - CAFFE_MEAN_RGB[1];
                out[offset + 2] = r - CAFFE_MEAN_RGB[0];
            }
            case TORCH -> {
                out[offset] = (r / 255f - TORCH_MEAN_RGB[0]) / TORCH_STD_RGB[0];
                out[offset + 1] = (g / 255f - TORCH_MEAN_RGB[1]) / TORCH_STD_RGB[1];
                out[offset + 2] = (b / 255f - TORCH_MEAN_RGB[2]) / TORCH_STD_RGB[2];
            }
        }
    }
}
