package dev.landmarks.delf.features;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Pure pixel helpers of the RootSIFT extractor: the working size an image is scaled to, and 8-bit luma in the
 * weights OpenCV's own RGB-to-gray conversion uses (so results match an OpenCV pipeline reading the same file).
 */
final class RootSiftImages {
    // ITU-R BT.601 luma weights in 14-bit fixed point (0.299, 0.587, 0.114), rounded to sum to 1 << 14.
    private static final int RED = 4899;
    private static final int GREEN = 9617;
    private static final int BLUE = 1868;
    private static final int SHIFT = 14;

    private RootSiftImages() {
    }

    /** {width, height} after scaling the longer side down to {@code maxSide}; images already small are kept. */
    static int[] workingSize(int width, int height, int maxSide) {
        int longer = Math.max(width, height);
        if (longer <= maxSide) {
            return new int[] {width, height};
        }
        double f = (double) maxSide / longer;
        return new int[] {Math.max(1, (int) Math.round(width * f)), Math.max(1, (int) Math.round(height * f))};
    }

    /** Row-major 8-bit luma of any image type (alpha ignored). */
    static byte[] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        if (image.getRaster().getNumBands() == 1
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // Single-band images are already luma. getRGB would treat them as linear gray and brighten them
            // (200 reads back as 229), unlike every other decoder, so read the stored samples instead.
            int max = (1 << image.getSampleModel().getSampleSize(0)) - 1;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRaster().getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = (byte) ((row[x] * 255 + max / 2) / max);
                }
            }
            return out;
        }
        if (isByteSrgb(image)) {
            return lumaOfSrgbBytes(image.getRaster(), w, h);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int v = (((p >> 16) & 0xff) * RED + ((p >> 8) & 0xff) * GREEN + (p & 0xff) * BLUE
                        + (1 << (SHIFT - 1))) >> SHIFT;
                out[y * w + x] = (byte) v;
            }
        }
        return out;
    }

    /**
     * 8-bit sRGB components (what the JPEG decoder gives): the stored samples are already what getRGB would return,
     * and reading them from the raster skips getRGB's per-pixel colour-model calls, which cost more than the
     * conversion itself.
     */
    private static boolean isByteSrgb(BufferedImage image) {
        Raster raster = image.getRaster();
        return image.getColorModel() instanceof ComponentColorModel cm
                && cm.getColorSpace().isCS_sRGB()
                && raster.getDataBuffer().getDataType() == DataBuffer.TYPE_BYTE
                && raster.getNumBands() >= 3
                && raster.getSampleModel().getSampleSize(0) == 8
                && raster.getSampleModel().getSampleSize(1) == 8
                && raster.getSampleModel().getSampleSize(2) == 8;
    }

    private static byte[] lumaOfSrgbBytes(Raster raster, int w, int h) {
        byte[] out = new byte[w * h];
        int[] r = new int[w];
        int[] g = new int[w];
        int[] b = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, r);
            raster.getSamples(0, y, w, 1, 1, g);
            raster.getSamples(0, y, w, 1, 2, b);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) ((r[x] * RED + g[x] * GREEN + b[x] * BLUE + (1 << (SHIFT - 1))) >> SHIFT);
            }
        }
        return out;
    }
}
