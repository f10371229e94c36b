package dev.landmarks.common.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpegEncoderTest {
    @Test
    void encodesABaselineJpegThatDecodesToTheSamePixels() throws Exception {
        BufferedImage source = TestImages.solid(64, 48, BufferedImage.TYPE_INT_ARGB, 0xFF20A060);
        byte[] jpeg = JpegEncoder.encode(source, 0.9f);
        assertEquals(ImageFormat.JPEG, ImageFormat.sniff(jpeg).orElseThrow());
        BufferedImage back = ImageDecoder.decode(jpeg, 1_000_000);
        assertEquals(64, back.getWidth());
        assertEquals(48, back.getHeight());
        ImageDecoderTest.assertClose(new int[] {0x20, 0xA0, 0x60}, TestImages.rgb(back, 30, 20), 4);
    }

    @Test
    void lowerQualityGivesFewerBytes() {
        BufferedImage noisy = TestImages.noisyGradient(128, 96, 11);
        int high = JpegEncoder.encode(noisy, 0.95f).length;
        int low = JpegEncoder.encode(noisy, 0.3f).length;
        assertTrue(low < high, "quality 0.3 gave " + low + " bytes, 0.95 gave " + high);
    }

    @Test
    void refusesAQualityOutsideZeroToOne() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR);
        assertThrows(IllegalArgumentException.class, () -> JpegEncoder.encode(image, 1.5f));
        assertThrows(IllegalArgumentException.class, () -> JpegEncoder.encode(image, Float.NaN));
    }
}
