package dev.landmarks.cli.explain;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws one explanation: the query (left) beside the reference (right), both scaled to {@link ExplainConfig#height()},
 * inlier correspondences as opaque lines with dots at both ends, up to {@link ExplainConfig#outlierLines()} outlier
 * matches as faint lines under them, a thin black rule between the photos, and a caption band below with one text line per caption entry. Without a
 * reference the right panel is a grey placeholder as wide as the query. Pure and deterministic: same inputs, same
 * pixels (text uses the JDK's logical sans-serif font).
 */
public final class MatchPicture {
    /** Inliers: a green that stays visible on sky, stone and foliage alike. */
    public static final Color INLIER = new Color(0, 230, 64);
    /** Outliers: red, drawn at {@link #OUTLIER_ALPHA} so they do not hide the photos or the inliers. */
    public static final Color OUTLIER = new Color(255, 40, 40);
    public static final Color CAPTION_BACKGROUND = Color.BLACK;
    public static final Color CAPTION_TEXT = Color.WHITE;
    public static final Color PLACEHOLDER = new Color(96, 96, 96);
    public static final Color DIVIDER = Color.BLACK;
    private static final int DIVIDER_WIDTH = 2;
    private static final float OUTLIER_ALPHA = 0.3f;
    private static final float INLIER_STROKE = 1.5f;
    private static final float OUTLIER_STROKE = 1f;
    private static final double DOT_RADIUS = 2.5;
    private static final int CAPTION_PADDING = 6;
    private static final int MIN_FONT_SIZE = 8;

    static {
        // Drawing into a BufferedImage needs no display; headless keeps AWT from looking for one on a server.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final ExplainConfig config;

    public MatchPicture(ExplainConfig config) {
        this.config = config;
    }

    /** Width of a photo scaled to the common height. */
    public int scaledWidth(BufferedImage photo) {
        return Math.max(1, (int) Math.round((double) photo.getWidth() * config.height() / photo.getHeight()));
    }

    /** Height of the caption band for a number of text lines. */
    public int captionHeight(int lines) {
        return lines * lineHeight(config.fontSize()) + 2 * CAPTION_PADDING;
    }

    /**
     * @param reference null when there is no reference to show
     * @param matches   in the pixel coordinates of {@code query} and {@code reference} as given (unscaled)
     * @param caption   text lines for the band under the photos
     */
    public BufferedImage draw(BufferedImage query, BufferedImage reference, Correspondences matches,
                              List<String> caption) {
        int h = config.height();
        int qw = scaledWidth(query);
        int rw = reference == null ? qw : scaledWidth(reference);
        int width = qw + rw;
        BufferedImage canvas = new BufferedImage(width, h + captionHeight(caption.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawImage(query, 0, 0, qw, h, null);
            if (reference == null) {
                g.setColor(PLACEHOLDER);
                g.fillRect(qw, 0, rw, h);
            } else {
                g.drawImage(reference, qw, 0, rw, h, null);
            }
            // Two similar photos side by side read as one; a thin rule shows where the reference starts.
            g.setColor(DIVIDER);
            g.fillRect(qw - DIVIDER_WIDTH / 2, 0, DIVIDER_WIDTH, h);
            if (reference != null) {
                drawMatches(g, matches, (double) h / query.getHeight(), (double) h / reference.getHeight(), qw);
            }
            drawCaption(g, caption, width, h);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private void drawMatches(Graphics2D g, Correspondences m, double qs, double rs, int offset) {
        Composite opaque = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, OUTLIER_ALPHA));
        g.setColor(OUTLIER);
        g.setStroke(new BasicStroke(OUTLIER_STROKE));
        int drawn = 0;
        for (int k = 0; k < m.size() && drawn < config.outlierLines(); k++) {
            if (!m.inlier()[k]) {
                g.draw(line(m, k, qs, rs, offset));
                drawn++;
            }
        }
        g.setComposite(opaque);
        g.setColor(INLIER);
        g.setStroke(new BasicStroke(INLIER_STROKE));
        for (int k = 0; k < m.size(); k++) {
            if (m.inlier()[k]) {
                Line2D l = line(m, k, qs, rs, offset);
                g.draw(l);
                g.fill(dot(l.getX1(), l.getY1()));
                g.fill(dot(l.getX2(), l.getY2()));
            }
        }
    }

    private static Line2D line(Correspondences m, int k, double qs, double rs, int offset) {
        return new Line2D.Double(m.queryX()[k] * qs, m.queryY()[k] * qs,
                offset + m.referenceX()[k] * rs, m.referenceY()[k] * rs);
    }

    private static Ellipse2D dot(double x, double y) {
        return new Ellipse2D.Double(x - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
    }

    private void drawCaption(Graphics2D g, List<String> caption, int width, int top) {
        g.setColor(CAPTION_BACKGROUND);
        g.fillRect(0, top, width, captionHeight(caption.size()));
        if (caption.isEmpty()) {
            return;
        }
        int size = config.fontSize();
        g.setFont(font(size));
        // Shrink rather than clip: a narrow pair of photos must still show the whole landmark id and counts.
        while (size > MIN_FONT_SIZE && widest(g.getFontMetrics(), caption) > width - 2 * CAPTION_PADDING) {
            size--;
            g.setFont(font(size));
        }
        g.setColor(CAPTION_TEXT);
        FontMetrics fm = g.getFontMetrics();
        int line = lineHeight(config.fontSize());
        for (int i = 0; i < caption.size(); i++) {
            g.drawString(caption.get(i), CAPTION_PADDING, top + CAPTION_PADDING + i * line + fm.getAscent());
        }
    }

    private static int widest(FontMetrics fm, List<String> lines) {
        return lines.stream().mapToInt(fm::stringWidth).max().orElse(0);
    }

    private static Font font(int size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size);
    }

    /** Line pitch for a font size; fixed per configured size so the canvas height does not depend on the text. */
    private static int lineHeight(int fontSize) {
        return Math.round(fontSize * 1.4f);
    }
}
