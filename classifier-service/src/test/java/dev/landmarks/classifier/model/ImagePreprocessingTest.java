package dev.landmarks.classifier.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Table tests on a tiny synthetic image: 4 wide, 2 high. */
class ImagePreprocessingTest {
    private static final float EPS = 1e-4f;
    // Row 0: red, green, blue, white. Row 1: black, (10,20,30), (100,150,200), grey 128.
    private static final int[] PIXELS = {
            0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF,
            0x000000, 0x0A141E, 0x6496C8, 0x808080};

    static Stream<Arguments> resizes() {
        return Stream.of(
                // Same size: identity.
                Arguments.of(4, 2, new float[]{
                        255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255,
                        0, 0, 0, 10, 20, 30, 100, 150, 200, 128, 128, 128}),
                // Halving both sides: each output pixel sits exactly between 2x2 inputs -> their mean.
                Arguments.of(2, 1, new float[]{
                        (255 + 0 + 0 + 10) / 4f, (0 + 255 + 0 + 20) / 4f, (0 + 0 + 0 + 30) / 4f,
                        (0 + 255 + 100 + 128) / 4f, (0 + 255 + 150 + 128) / 4f, (255 + 255 + 200 + 128) / 4f}),
                // Down to one pixel: the centre (1.5, 0.5) -> mean of the middle 2x2 block.
                Arguments.of(1, 1, new float[]{
                        (0 + 0 + 10 + 100) / 4f, (255 + 0 + 20 + 150) / 4f, (0 + 255 + 30 + 200) / 4f}));
    }

    @ParameterizedTest
    @MethodSource("resizes")
    void bilinearResizeAtPixelCentres(int w, int h, float[] expected) {
        assertArrayEquals(expected, ImagePreprocessing.resize(PIXELS, 4, 2, w, h), EPS);
    }

    @Test
    void upsamplingAUniformImageStaysUniform() {
        int[] grey = {0x404040, 0x404040, 0x404040, 0x404040};
        float[] out = ImagePreprocessing.resize(grey, 2, 2, 5, 3);
        for (float v : out) {
            org.junit.jupiter.api.Assertions.assertEquals(64f, v, EPS);
        }
    }

    static Stream<Arguments> normalizations() {
        // One pixel (R=255, G=128, B=0).
        return Stream.of(
                Arguments.of(Normalization.UNIT, new float[]{1f, 128 / 255f, 0f}),
                Arguments.of(Normalization.SYMMETRIC, new float[]{1f, 128 / 127.5f - 1, -1f}),
                Arguments.of(Normalization.CAFFE, new float[]{0 - 103.939f, 128 - 116.779f, 255 - 123.68f}),
                Arguments.of(Normalization.TORCH, new float[]{(1 - 0.485f) / 0.229f, (128 / 255f - 0.456f) / 0.224f,
                        (0 - 0.406f) / 0.225f}));
    }

    @ParameterizedTest
    @MethodSource("normalizations")
    void normalisesOnePixel(Normalization n, float[] expected) {
        assertArrayEquals(expected, ImagePreprocessing.normalize(new float[]{255, 128, 0}, n), EPS);
    }

    @Test
    void parsesSettingValues() {
        org.junit.jupiter.api.Assertions.assertEquals(Normalization.SYMMETRIC, Normalization.parse(" TF "));
        org.junit.jupiter.api.Assertions.assertEquals(Normalization.CAFFE, Normalization.parse("caffe"));
        assertThrows(IllegalArgumentException.class, () -> Normalization.parse("imagenet"));
    }

    @Test
    void toInputReadsABufferedImage() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 4, 2, PIXELS, 0, 4);
        float[] out = ImagePreprocessing.toInput(image, 1, Normalization.UNIT);
        assertArrayEquals(new float[]{110 / 4f / 255f, 425 / 4f / 255f, 485 / 4f / 255f}, out, EPS);
    }

    @Test
    void rejectsMismatchedPixelCount() {
        assertThrows(IllegalArgumentException.class, () -> ImagePreprocessing.resize(new int[3], 2, 2, 1, 1));
    }
}
