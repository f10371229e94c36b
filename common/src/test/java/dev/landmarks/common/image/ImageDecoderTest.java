package dev.landmarks.common.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {
    private static final long LIMIT = 64_000_000L;

    static Stream<Arguments> encodedFormats() throws IOException {
        BufferedImage source = TestImages.solid(40, 30, BufferedImage.TYPE_INT_RGB, 0x3366CC);
        return Stream.of(
                Arguments.of("baseline jpeg", TestImages.write(source, "jpeg"), ImageFormat.JPEG),
                Arguments.of("progressive jpeg", TestImages.progressiveJpeg(source), ImageFormat.JPEG),
                Arguments.of("png", TestImages.write(source, "png"), ImageFormat.PNG),
                Arguments.of("gif", TestImages.write(source, "gif"), ImageFormat.GIF),
                Arguments.of("bmp", TestImages.write(source, "bmp"), ImageFormat.BMP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodedFormats")
    void decodesEverySupportedFormatToBgrWithItsColours(String name, byte[] data, ImageFormat format)
            throws ImageException {
        assertEquals(new ImageHeader(format, 40, 30), ImageDecoder.readHeader(data));
        BufferedImage image = ImageDecoder.decode(data, LIMIT);
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertEquals(40, image.getWidth());
        assertEquals(30, image.getHeight());
        assertClose(new int[] {0x33, 0x66, 0xCC}, TestImages.rgb(image, 20, 15), 6);
    }

    @Test
    void readsTheSizeOfAHugePngFromItsHeaderAndRefusesItBeforeDecoding() {
        byte[] bomb = TestImages.pngHeaderOnly(30000, 30000);
        ImageHeader header = assertDoesNotThrowImage(() -> ImageDecoder.readHeader(bomb));
        assertEquals(new ImageHeader(ImageFormat.PNG, 30000, 30000), header);
        ImageException e = assertThrows(ImageException.class, () -> ImageDecoder.decode(bomb, LIMIT));
        assertEquals(ImageProblem.TOO_LARGE, e.problem());
        assertEquals("image is 30000x30000 = 900 Mpx, limit is 64 Mpx", e.getMessage());
    }

    @Test
    void acceptsAnImageExactlyAtThePixelLimit() throws Exception {
        byte[] png = TestImages.write(TestImages.solid(20, 10, BufferedImage.TYPE_INT_RGB, 0), "png");
        assertEquals(20, ImageDecoder.decode(png, 200).getWidth());
        assertEquals(ImageProblem.TOO_LARGE,
                assertThrows(ImageException.class, () -> ImageDecoder.decode(png, 199)).problem());
    }

    static Stream<Arguments> truncatedFiles() throws IOException {
        BufferedImage noisy = TestImages.noisyGradient(160, 120, 7);
        return Stream.of(
                Arguments.of("baseline jpeg", TestImages.write(noisy, "jpeg")),
                Arguments.of("progressive jpeg", TestImages.progressiveJpeg(noisy)),
                Arguments.of("png", TestImages.write(noisy, "png")),
                Arguments.of("gif", TestImages.write(noisy, "gif")),
                Arguments.of("bmp", TestImages.write(noisy, "bmp")));
    }

    @ParameterizedTest(name = "{0} cut to 60%")
    @MethodSource("truncatedFiles")
    void reportsDataThatEndsEarlyAsTruncatedNotAsAGreyImage(String name, byte[] complete) throws ImageException {
        ImageDecoder.decode(complete, LIMIT); // the whole file is fine
        byte[] cut = Arrays.copyOf(complete, complete.length * 6 / 10);
        ImageException e = assertThrows(ImageException.class, () -> ImageDecoder.decode(cut, LIMIT));
        assertEquals(ImageProblem.TRUNCATED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("truncated "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "html page | <html><head><title>404</title> | not an image (content starts with '<html><head><tit')",
            "json      | {\"error\":\"nope\"}             | not an image (content starts with '{\"error\":\"nope\"}')",
            "short     | x                                | not an image (content starts with bytes 78)"})
    void namesWhatTheContentIsWhenItIsNotAnImage(String name, String content, String message) {
        ImageException e = assertThrows(ImageException.class,
                () -> ImageDecoder.decode(content.getBytes(StandardCharsets.UTF_8), LIMIT));
        assertEquals(ImageProblem.NOT_AN_IMAGE, e.problem());
        assertEquals(message, e.getMessage());
    }

    @Test
    void emptyContentIsNotAnImage() {
        ImageException e = assertThrows(ImageException.class, () -> ImageDecoder.decode(new byte[0], LIMIT));
        assertEquals(ImageProblem.NOT_AN_IMAGE, e.problem());
        assertEquals("not an image (content is empty)", e.getMessage());
    }

    @Test
    void aJpegSignatureFollowedByGarbageIsCorruptNotTruncated() {
        byte[] garbage = new byte[600];
        new java.util.Random(3).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        garbage[598] = (byte) 0xFF;
        garbage[599] = (byte) 0xD9;
        ImageException e = assertThrows(ImageException.class, () -> ImageDecoder.decode(garbage, LIMIT));
        assertEquals(ImageProblem.CORRUPT, e.problem(), e.getMessage());
    }

    @Test
    void decodesACmykJpegWithTheRightColours() throws Exception {
        // cmyk-red-blue.jpg: 64x32, left half RGB (220,30,30), right half (30,60,200), stored as CMYK with an Adobe
        // marker (made once with Pillow, see docs/ingest.md). The JDK alone would misread it.
        byte[] data;
        try (InputStream in = getClass().getResourceAsStream("/images/cmyk-red-blue.jpg")) {
            data = in.readAllBytes();
        }
        BufferedImage image = ImageDecoder.decode(data, LIMIT);
        assertEquals(64, image.getWidth());
        assertClose(new int[] {220, 30, 30}, TestImages.rgb(image, 8, 16), 20);
        assertClose(new int[] {30, 60, 200}, TestImages.rgb(image, 56, 16), 20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "opaque argb,    2, 0xFF336699,  51, 102, 153",
            "transparent,    2, 0x00000000, 255, 255, 255",
            "half alpha red, 2, 0x80FF0000, 255, 127, 127"})
    void convertsAnyPixelLayoutToBgrOnWhite(String name, int type, long argb, int r, int g, int b) throws Exception {
        byte[] png = TestImages.write(TestImages.solid(4, 4, type, (int) argb), "png");
        BufferedImage image = ImageDecoder.decode(png, LIMIT);
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertClose(new int[] {r, g, b}, TestImages.rgb(image, 1, 1), 2);
    }

    @Test
    void expandsGreySamplesUnchanged() throws Exception {
        // Set the raster directly: setRGB on a grey image would convert through linear grey and store 55 for 128.
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                grey.getRaster().setSample(x, y, 0, 128);
            }
        }
        BufferedImage image = ImageDecoder.decode(TestImages.write(grey, "png"), LIMIT);
        assertClose(new int[] {128, 128, 128}, TestImages.rgb(image, 2, 2), 1);
    }

    @ParameterizedTest
    @CsvSource({"900000000, 900 Mpx", "64000000, 64 Mpx", "2500000, 2.5 Mpx", "3000000, 3 Mpx", "5000, 5000 px"})
    void describesPixelCountsAsPeopleSayThem(long pixels, String expected) {
        assertEquals(expected, ImageDecoder.describePixels(pixels));
    }

    private interface ImageCall<T> {
        T call() throws ImageException;
    }

    private static <T> T assertDoesNotThrowImage(ImageCall<T> call) {
        try {
            return call.call();
        } catch (ImageException e) {
            throw new AssertionError("unexpected: " + e.getMessage(), e);
        }
    }

    static void assertClose(int[] expected, int[] actual, int tolerance) {
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tolerance) {
                assertArrayEquals(expected, actual, "channel " + i + " off by more than " + tolerance);
            }
        }
    }
}
