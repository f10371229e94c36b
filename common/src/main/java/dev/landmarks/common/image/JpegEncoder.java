package dev.landmarks.common.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes pixels as a baseline JPEG (JFIF, YCbCr) at a given quality. Alpha is dropped first (composited on white),
 * since a JPEG with an alpha channel is read as CMYK by most decoders.
 */
public final class JpegEncoder {
    private JpegEncoder() {
    }

    /** @param quality 0 (smallest) to 1 (best); 0.9 keeps local features close to the original's */
    public static byte[] encode(BufferedImage image, float quality) {
        if (!(quality >= 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in [0, 1], was " + quality);
        }
        BufferedImage bgr = ImageDecoder.toBgr(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(bgr.getWidth() * bgr.getHeight() / 4 + 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(bgr, null, null), param);
        } catch (IOException e) {
            // Writing to memory cannot fail for I/O reasons; anything here is a bug worth seeing.
            throw new UncheckedIOException("could not encode a " + bgr.getWidth() + "x" + bgr.getHeight() + " JPEG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
