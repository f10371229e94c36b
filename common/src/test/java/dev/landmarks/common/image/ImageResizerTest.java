package dev.landmarks.common.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageResizerTest {

    @ParameterizedTest(name = "{0}x{1} within {2} -> {3}x{4}")
    @CsvSource({
            "4000, 3000, 1024, 1024, 768",
            "3000, 4000, 1024, 768, 1024",
            "1024, 1024, 1024, 1024, 1024",
            "800,  600,  1024, 800, 600",
            "5000, 3,    1000, 1000, 1",
            "2,    1,    1,    1, 1",
            "1025, 1000, 1024, 1024, 999"})
    void fitsTheLongerSideAndKeepsTheAspectRatio(int w, int h, int max, int ew, int eh) {
        assertArrayEquals(new int[] {ew, eh}, ImageResizer.fittedSize(w, h, max));
        BufferedImage out = ImageResizer.fitWithin(new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR), max);
        assertEquals(ew, out.getWidth());
        assertEquals(eh, out.getHeight());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, out.getType());
    }

    @Test
    void averagesWholePixelAreas() {
        // 4x2 grey ramp -> 2x1: each output is the mean of a 2x2 block.
        BufferedImage in = grey(new int[][] {{0, 100, 200, 250}, {20, 40, 60, 90}});
        BufferedImage out = ImageResizer.fitWithin(in, 2);
        assertEquals((0 + 100 + 20 + 40) / 4, red(out, 0, 0));
        assertEquals((200 + 250 + 60 + 90) / 4, red(out, 1, 0));
    }

    @Test
    void weightsPartlyCoveredPixelsByTheirCoverage() {
        // 3x1 -> 2x1: output 0 covers pixel 0 fully and half of pixel 1, over a span of 1.5 pixels.
        BufferedImage in = grey(new int[][] {{0, 90, 180}});
        BufferedImage out = ImageResizer.fitWithin(in, 2);
        assertEquals(Math.round((0 + 0.5f * 90) / 1.5f), red(out, 0, 0));
        assertEquals(Math.round((0.5f * 90 + 180) / 1.5f), red(out, 1, 0));
    }

    @Test
    void keepsAFlatColourExactlyAndConvertsOtherLayouts() {
        BufferedImage in = TestImages.solid(333, 111, BufferedImage.TYPE_INT_ARGB, 0xFF4080C0);
        BufferedImage out = ImageResizer.fitWithin(in, 100);
        assertEquals(100, out.getWidth());
        assertEquals(33, out.getHeight());
        for (int[] xy : new int[][] {{0, 0}, {50, 16}, {99, 32}}) {
            assertArrayEquals(new int[] {0x40, 0x80, 0xC0}, TestImages.rgb(out, xy[0], xy[1]));
        }
    }

    @Test
    void shrinksAOnePixelCheckerboardToFlatGreyWithoutAliasing() {
        // The case that rules out point-sampling scalers: black/white alternating pixels, shrunk 4x (not a whole
        // number of pixels per output, 1000 -> 250 exactly and 999 -> 250 fractionally).
        for (int side : new int[] {1000, 999}) {
            int[][] rows = new int[side][side];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    rows[y][x] = (x + y) % 2 == 0 ? 0 : 255;
                }
            }
            BufferedImage out = ImageResizer.fitWithin(grey(rows), 250);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    int v = red(out, x, y);
                    if (Math.abs(v - 128) > 8) {
                        assertEquals(128, v, "side " + side + ": pixel " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void neverEnlargesAndReturnsAFittingBgrImageItself() {
        BufferedImage small = new BufferedImage(50, 40, BufferedImage.TYPE_3BYTE_BGR);
        assertSame(small, ImageResizer.fitWithin(small, 1024));
    }

    @Test
    void refusesANonPositiveMaxSide() {
        assertThrows(IllegalArgumentException.class, () -> ImageResizer.fittedSize(10, 10, 0));
    }

    private static BufferedImage grey(int[][] rows) {
        BufferedImage image = new BufferedImage(rows[0].length, rows.length, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length; x++) {
                int v = rows[y][x];
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    private static int red(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >> 16 & 0xFF;
    }
}
