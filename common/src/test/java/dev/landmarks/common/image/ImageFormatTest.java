package dev.landmarks.common.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageFormatTest {
    static Stream<Arguments> signatures() {
        return Stream.of(
                Arguments.of("jpeg", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10), Optional.of(ImageFormat.JPEG)),
                Arguments.of("png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0), Optional.of(ImageFormat.PNG)),
                Arguments.of("gif87a", ascii("GIF87a...."), Optional.of(ImageFormat.GIF)),
                Arguments.of("gif89a", ascii("GIF89a...."), Optional.of(ImageFormat.GIF)),
                Arguments.of("bmp", bytes('B', 'M', 1, 2, 3, 4, 0, 0, 0, 0, 54, 0, 0, 0), Optional.of(ImageFormat.BMP)),
                Arguments.of("text starting with BM", ascii("BMW 320d for sale"), Optional.empty()),
                Arguments.of("html", ascii("<html><body>404</body></html>"), Optional.empty()),
                Arguments.of("webp", ascii("RIFF....WEBPVP8 "), Optional.empty()),
                Arguments.of("half a jpeg signature", bytes(0xFF, 0xD8), Optional.empty()),
                Arguments.of("empty", new byte[0], Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatures")
    void recognisesFormatsBySignatureOnly(String name, byte[] data, Optional<ImageFormat> expected) {
        assertEquals(expected, ImageFormat.sniff(data));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
