package dev.landmarks.cli.explain;

import dev.landmarks.common.config.Settings;

/**
 * How an explanation picture is drawn.
 *
 * @param height       height in pixels both photos are scaled to, side by side. Key {@code explain.height}, default
 *                     {@value #DEFAULT_HEIGHT}.
 * @param outlierLines at most this many outlier matches (tentative matches the fitted model rejects) are drawn, faint,
 *                     the closest descriptor pairs first; 0 draws none. Key {@code explain.outlier-lines}, default
 *                     {@value #DEFAULT_OUTLIER_LINES}: enough to show what was rejected without hiding the inliers.
 * @param fontSize     caption font size in points (shrunk when a line would not fit the canvas). Key
 *                     {@code explain.font-size}, default {@value #DEFAULT_FONT_SIZE}.
 */
public record ExplainConfig(int height, int outlierLines, int fontSize) {
    public static final int DEFAULT_HEIGHT = 480;
    public static final int DEFAULT_OUTLIER_LINES = 150;
    public static final int DEFAULT_FONT_SIZE = 16;

    public ExplainConfig {
        if (height < 32 || height > 4096) {
            throw new IllegalArgumentException("explain.height must be in [32, 4096], was " + height);
        }
        if (outlierLines < 0) {
            throw new IllegalArgumentException("explain.outlier-lines must be >= 0, was " + outlierLines);
        }
        if (fontSize < 6 || fontSize > 96) {
            throw new IllegalArgumentException("explain.font-size must be in [6, 96], was " + fontSize);
        }
    }

    public static ExplainConfig defaults() {
        return new ExplainConfig(DEFAULT_HEIGHT, DEFAULT_OUTLIER_LINES, DEFAULT_FONT_SIZE);
    }

    public static ExplainConfig from(Settings s) {
        return new ExplainConfig(
                s.integer("explain.height", DEFAULT_HEIGHT),
                s.integer("explain.outlier-lines", DEFAULT_OUTLIER_LINES),
                s.integer("explain.font-size", DEFAULT_FONT_SIZE));
    }
}
