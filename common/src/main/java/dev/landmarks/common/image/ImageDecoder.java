package dev.landmarks.common.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Bytes to pixels, safely: the format is recognised from its signature, the pixel size is read from the header
 * without decoding (so a 30000x30000 image is refused before it allocates 2.7 GB), and data that ends early is an
 * error, never a half-grey image. Decoded images are always {@link BufferedImage#TYPE_3BYTE_BGR}: 8-bit RGB, no
 * alpha (transparent pixels are composited on white), grey and palette images expanded, CMYK/YCCK JPEGs converted
 * to RGB by the TwelveMonkeys reader with their colours right. Only the first frame of an animated GIF is read.
 */
public final class ImageDecoder {
    /** How many leading characters of a non-image are quoted in the error. */
    private static final int QUOTED_PREFIX = 16;

    private ImageDecoder() {
    }

    /** The format and pixel size from the header alone. */
    public static ImageHeader readHeader(byte[] data) throws ImageException {
        ImageFormat format = requireFormat(data);
        ImageReader reader = readerFor(format);
        try (ImageInputStream in = open(data)) {
            reader.setInput(in, true, true);
            return new ImageHeader(format, reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw failure(format, data, "header", e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Decodes the first image in {@code data} into a TYPE_3BYTE_BGR image, refusing before decoding when the header
     * announces more than {@code maxPixels} pixels.
     */
    public static BufferedImage decode(byte[] data, long maxPixels) throws ImageException {
        ImageHeader header = readHeader(data);
        if (header.width() <= 0 || header.height() <= 0) {
            throw new ImageException(ImageProblem.CORRUPT,
                    "corrupt " + header.format() + " data: header says " + header.width() + "x" + header.height());
        }
        if (header.pixels() > maxPixels) {
            throw new ImageException(ImageProblem.TOO_LARGE, "image is " + header.width() + "x" + header.height()
                    + " = " + describePixels(header.pixels()) + ", limit is " + describePixels(maxPixels));
        }
        ImageReader reader = readerFor(header.format());
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage decoded;
        try (ImageInputStream in = open(data)) {
            reader.setInput(in, true, true);
            decoded = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw failure(header.format(), data, "data", e);
        } finally {
            reader.dispose();
        }
        // The JPEG readers fill a short scan with grey and only warn: that warning is the sign of truncation.
        for (String warning : warnings) {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("premature end") || w.contains("truncated")) {
                throw new ImageException(ImageProblem.TRUNCATED,
                        "truncated " + header.format() + ": the data ends before the image does (" + warning + ")");
            }
        }
        return toBgr(decoded);
    }

    /**
     * The same pixels as TYPE_3BYTE_BGR (the image itself when it already is): grey and palette expanded to RGB,
     * alpha composited on white.
     */
    public static BufferedImage toBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return bgr;
    }

    /** "900 Mpx", "2.5 Mpx" or "5000 px": pixel counts as people say them. */
    static String describePixels(long pixels) {
        if (pixels >= 10_000_000 || (pixels >= 1_000_000 && pixels % 1_000_000 == 0)) {
            return Math.round(pixels / 1e6) + " Mpx";
        }
        if (pixels >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f Mpx", pixels / 1e6);
        }
        return pixels + " px";
    }

    private static ImageFormat requireFormat(byte[] data) throws ImageException {
        return ImageFormat.sniff(data).orElseThrow(
                () -> new ImageException(ImageProblem.NOT_AN_IMAGE, "not an image (" + describeStart(data) + ")"));
    }

    /** "content is empty", "content starts with '<html>'" or "content starts with bytes 52 49 46 46". */
    static String describeStart(byte[] data) {
        if (data.length == 0) {
            return "content is empty";
        }
        int n = 0;
        while (n < Math.min(data.length, QUOTED_PREFIX) && data[n] >= 0x20 && data[n] < 0x7F) {
            n++;
        }
        if (n >= 2) {
            return "content starts with '" + new String(data, 0, n, StandardCharsets.US_ASCII) + "'";
        }
        StringBuilder hex = new StringBuilder("content starts with bytes");
        for (int i = 0; i < Math.min(data.length, 4); i++) {
            hex.append(String.format(Locale.ROOT, " %02x", data[i] & 0xFF));
        }
        return hex.toString();
    }

    private static ImageReader readerFor(ImageFormat format) throws ImageException {
        // The first reader is TwelveMonkeys' for JPEG (it registers itself ahead of the JDK's); the JDK's otherwise.
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new ImageException(ImageProblem.NOT_AN_IMAGE, "no reader for " + format + " is installed");
        }
        return readers.next();
    }

    private static ImageInputStream open(byte[] data) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(data));
    }

    private static ImageException failure(ImageFormat format, byte[] data, String part, Exception e) {
        String cause = rootMessage(e);
        if (endsEarly(format, data, e)) {
            return new ImageException(ImageProblem.TRUNCATED,
                    "truncated " + format + ": the data ends before the image " + part + " does (" + cause + ")", e);
        }
        return new ImageException(ImageProblem.CORRUPT, "corrupt " + format + " " + part + ": " + cause, e);
    }

    /** Readers report a short file as anything from EOFException to "Invalid chunk length": look at the data too. */
    private static boolean endsEarly(ImageFormat format, byte[] data, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return switch (format) {
            case PNG -> !containsFromEnd(data, "IEND".getBytes(StandardCharsets.US_ASCII));
            case GIF -> lastNonZeroByte(data) != 0x3B;
            case BMP -> data.length < littleEndianInt(data, 2);
            case JPEG -> !containsFromEnd(data, new byte[] {(byte) 0xFF, (byte) 0xD9});
        };
    }

    private static boolean containsFromEnd(byte[] data, byte[] pattern) {
        for (int i = data.length - pattern.length; i >= 0; i--) {
            int j = 0;
            while (j < pattern.length && data[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return true;
            }
        }
        return false;
    }

    private static int lastNonZeroByte(byte[] data) {
        for (int i = data.length - 1; i >= 0; i--) {
            if (data[i] != 0) {
                return data[i] & 0xFF;
            }
        }
        return -1;
    }

    private static long littleEndianInt(byte[] data, int offset) {
        if (data.length < offset + 4) {
            return Long.MAX_VALUE;
        }
        return (data[offset] & 0xFFL) | (data[offset + 1] & 0xFFL) << 8 | (data[offset + 2] & 0xFFL) << 16
                | (data[offset + 3] & 0xFFL) << 24;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
