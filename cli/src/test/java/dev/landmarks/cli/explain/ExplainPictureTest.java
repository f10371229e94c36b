package dev.landmarks.cli.explain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainPictureTest {
    private static final Color GREY = new Color(128, 128, 128);

    private static BufferedImage grey(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(GREY);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** One correspondence per row: query (x, y) -> reference (x, y), inlier or not. */
    private static Correspondences pairs(float[][] rows, boolean... inlier) {
        int n = rows.length;
        float[] qx = new float[n];
        float[] qy = new float[n];
        float[] rx = new float[n];
        float[] ry = new float[n];
        for (int i = 0; i < n; i++) {
            qx[i] = rows[i][0];
            qy[i] = rows[i][1];
            rx[i] = rows[i][2];
            ry[i] = rows[i][3];
        }
        return new Correspondences(qx, qy, rx, ry, inlier);
    }

    @ParameterizedTest(name = "query {0}x{1}, reference {2}x{3}, height {4} -> {5}x{4} photos")
    @CsvSource({
            "640, 480, 640, 480, 480, 1280",
            "200, 100, 100, 100, 100, 300",
            "300, 600, 800, 400, 240, 600",
            "101, 99, 50, 200, 64, 81",
    })
    void canvasIsBothPhotosAtTheCommonHeightPlusTheCaption(int qw, int qh, int rw, int rh, int height, int width) {
        MatchPicture picture = new MatchPicture(new ExplainConfig(height, 10, 16));
        BufferedImage out = picture.draw(grey(qw, qh), grey(rw, rh), Correspondences.none(), List.of("a", "b"));
        assertEquals(width, out.getWidth());
        assertEquals(height + picture.captionHeight(2), out.getHeight());
        assertTrue(picture.captionHeight(2) > picture.captionHeight(1));
    }

    @Test
    void withoutReferenceTheRightPanelIsAPlaceholderAsWideAsTheQuery() {
        MatchPicture picture = new MatchPicture(new ExplainConfig(100, 10, 16));
        BufferedImage out = picture.draw(grey(200, 100), null, Correspondences.none(), List.of("query q -> no landmark"));
        assertEquals(400, out.getWidth());
        assertEquals(MatchPicture.PLACEHOLDER.getRGB(), out.getRGB(300, 50));
        assertEquals(GREY.getRGB(), out.getRGB(100, 50));
        assertEquals(MatchPicture.DIVIDER.getRGB(), out.getRGB(200, 50), "a rule where the right panel starts");
    }

    @Test
    void anInlierLineTurnsItsPixelsTheInlierColourAndLeavesOthersAlone() {
        // Query 200x100 and reference 100x100 at height 100: the reference panel starts at x = 200.
        MatchPicture picture = new MatchPicture(new ExplainConfig(100, 10, 16));
        Correspondences one = pairs(new float[][] {{20, 20, 80, 20}}, true);
        BufferedImage out = picture.draw(grey(200, 100), grey(100, 100), one, List.of("x"));
        // The horizontal line y = 20 runs from x = 20 to x = 280: its middle is the inlier colour.
        assertEquals(MatchPicture.INLIER.getRGB(), out.getRGB(150, 20));
        assertEquals(MatchPicture.INLIER.getRGB(), out.getRGB(60, 20));
        // Far from the line nothing changed.
        assertEquals(GREY.getRGB(), out.getRGB(150, 70));
    }

    @Test
    void outliersAreFaintRedAndCappedByTheConfiguration() {
        Correspondences two = pairs(new float[][] {{20, 30, 80, 30}, {20, 70, 80, 70}}, false, false);
        BufferedImage drawn = new MatchPicture(new ExplainConfig(100, 1, 16))
                .draw(grey(200, 100), grey(100, 100), two, List.of("x"));
        Color c = new Color(drawn.getRGB(150, 30));
        assertTrue(c.getRed() > GREY.getRed() && c.getGreen() < GREY.getGreen(), "faint red over grey: " + c);
        assertTrue(c.getRed() < MatchPicture.OUTLIER.getRed(), "not opaque: " + c);
        assertEquals(GREY.getRGB(), drawn.getRGB(150, 70), "only the first outlier is drawn with a cap of 1");

        BufferedImage none = new MatchPicture(new ExplainConfig(100, 0, 16))
                .draw(grey(200, 100), grey(100, 100), two, List.of("x"));
        assertEquals(GREY.getRGB(), none.getRGB(150, 30));
    }

    @Test
    void captionBandHoldsText() {
        MatchPicture picture = new MatchPicture(new ExplainConfig(100, 10, 16));
        BufferedImage out = picture.draw(grey(200, 100), grey(100, 100), Correspondences.none(),
                List.of("query q -> some_landmark (reference r): 42 inliers, score 0.800"));
        int light = 0;
        for (int y = 100; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                if (new Color(out.getRGB(x, y)).getRed() > 128) {
                    light++;
                }
            }
        }
        assertTrue(light > 50, "white text pixels in the caption band: " + light);
        assertEquals(MatchPicture.CAPTION_BACKGROUND.getRGB(), out.getRGB(out.getWidth() - 1, out.getHeight() - 1));
    }

    @Test
    void drawingIsDeterministic() {
        MatchPicture picture = new MatchPicture(ExplainConfig.defaults());
        Correspondences c = pairs(new float[][] {{10, 10, 50, 60}, {30, 40, 20, 20}}, true, false);
        int[] a = pixels(picture.draw(grey(120, 90), grey(80, 90), c, List.of("same")));
        int[] b = pixels(picture.draw(grey(120, 90), grey(80, 90), c, List.of("same")));
        assertArrayEquals(a, b);
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
