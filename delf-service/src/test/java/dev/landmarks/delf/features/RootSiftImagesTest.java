package dev.landmarks.delf.features;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RootSiftImagesTest {
    @Test
    void workingSizeShrinksTheLongerSideAndKeepsSmallImages() {
        assertArrayEquals(new int[] {1024, 768}, RootSiftImages.workingSize(2048, 1536, 1024));
        assertArrayEquals(new int[] {512, 1024}, RootSiftImages.workingSize(1000, 2000, 1024));
        assertArrayEquals(new int[] {800, 640}, RootSiftImages.workingSize(800, 640, 1024));
        assertArrayEquals(new int[] {1024, 1024}, RootSiftImages.workingSize(1024, 1024, 1024));
        assertArrayEquals(new int[] {640, 1}, RootSiftImages.workingSize(4000, 2, 640));
    }

    @Test
    void lumaUsesBt601Weights() {
        BufferedImage img = new BufferedImage(5, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, Color.BLACK.getRGB());
        img.setRGB(1, 0, Color.WHITE.getRGB());
        img.setRGB(2, 0, new Color(255, 0, 0).getRGB());
        img.setRGB(3, 0, new Color(0, 255, 0).getRGB());
        img.setRGB(4, 0, new Color(0, 0, 255).getRGB());
        byte[] luma = RootSiftImages.luma(img);
        // 0.299 * 255 = 76.2, 0.587 * 255 = 149.7, 0.114 * 255 = 29.1
        assertArrayEquals(new int[] {0, 255, 76, 150, 29}, toInts(luma));
    }

    @Test
    void lumaOfAGrayImageIsItsOwnValue() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(1, 1, 0, 200);
        assertEquals(200, RootSiftImages.luma(img)[3] & 0xff);
        assertEquals(0, RootSiftImages.luma(img)[0]);
        BufferedImage deep = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 65535);
        assertEquals(255, RootSiftImages.luma(deep)[0] & 0xff);
    }

    @Test
    void decodedJpegBytesGiveTheSameLumaAsTheGetRgbPath() throws java.io.IOException {
        java.nio.file.Path photo;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("../sample/test"))) {
            photo = files.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        BufferedImage decoded = javax.imageio.ImageIO.read(photo.toFile());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, decoded.getType(), "the fast path is for what the decoder gives");
        // The same pixels as TYPE_INT_RGB take the getRGB path.
        BufferedImage viaGetRgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        viaGetRgb.getGraphics().drawImage(decoded, 0, 0, null);
        assertArrayEquals(RootSiftImages.luma(viaGetRgb), RootSiftImages.luma(decoded));
    }

    private static int[] toInts(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }
}
