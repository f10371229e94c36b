package dev.landmarks.common.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Shrinks an image so that its longer side is at most a given number of pixels, keeping the aspect ratio, by exact
 * area averaging: every output pixel is the mean of the source area it covers, fractional pixels weighted by their
 * coverage. Chosen over Java2D's bilinear/bicubic scaling because those sample only a few source pixels per output
 * pixel and alias badly when shrinking 4x or more (the usual case: phone photos to 1024 px), and over progressive
 * halving because it is one exact pass with no rounding between steps and no dependence on rendering hints.
 * Images are never enlarged. Input of any type; output TYPE_3BYTE_BGR.
 */
public final class ImageResizer {
    private ImageResizer() {
    }

    /** The output size for a {@code width x height} image under {@code maxSide}: each side at least 1. */
    public static int[] fittedSize(int width, int height, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be >= 1, was " + maxSide);
        }
        int longer = Math.max(width, height);
        if (longer <= maxSide) {
            return new int[] {width, height};
        }
        double scale = (double) maxSide / longer;
        return new int[] {
                Math.max(1, Math.min(maxSide, (int) Math.round(width * scale))),
                Math.max(1, Math.min(maxSide, (int) Math.round(height * scale)))};
    }

    /** The image itself (as TYPE_3BYTE_BGR) when it already fits, else a new area-averaged image that fits. */
    public static BufferedImage fitWithin(BufferedImage image, int maxSide) {
        BufferedImage source = ImageDecoder.toBgr(image);
        int[] size = fittedSize(source.getWidth(), source.getHeight(), maxSide);
        if (size[0] == source.getWidth() && size[1] == source.getHeight()) {
            return source;
        }
        return resize(source, size[0], size[1]);
    }

    private static BufferedImage resize(BufferedImage source, int outWidth, int outHeight) {
        int inWidth = source.getWidth();
        int inHeight = source.getHeight();
        byte[] in = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
        AreaWeights across = AreaWeights.of(inWidth, outWidth);
        AreaWeights down = AreaWeights.of(inHeight, outHeight);

        // Horizontal pass into floats (no rounding between the passes), then the vertical pass into bytes.
        float[] rows = new float[inHeight * outWidth * 3];
        for (int y = 0; y < inHeight; y++) {
            int inRow = y * inWidth * 3;
            int outRow = y * outWidth * 3;
            for (int x = 0; x < outWidth; x++) {
                float b = 0;
                float g = 0;
                float r = 0;
                int first = across.first(x);
                float[] w = across.weights(x);
                for (int k = 0; k < w.length; k++) {
                    int p = inRow + (first + k) * 3;
                    b += w[k] * (in[p] & 0xFF);
                    g += w[k] * (in[p + 1] & 0xFF);
                    r += w[k] * (in[p + 2] & 0xFF);
                }
                int o = outRow + x * 3;
                rows[o] = b;
                rows[o + 1] = g;
                rows[o + 2] = r;
            }
        }
        BufferedImage result = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = ((DataBufferByte) result.getRaster().getDataBuffer()).getData();
        int stride = outWidth * 3;
        for (int y = 0; y < outHeight; y++) {
            int first = down.first(y);
            float[] w = down.weights(y);
            for (int i = 0; i < stride; i++) {
                float v = 0;
                for (int k = 0; k < w.length; k++) {
                    v += w[k] * rows[(first + k) * stride + i];
                }
                out[y * stride + i] = (byte) Math.min(255, Math.max(0, Math.round(v)));
            }
        }
        return result;
    }
}
