package dev.landmarks.classifier.train;

import java.util.Random;

/**
 * Input augmentation as pure functions on HWC float images: a square crop at a given offset, optionally mirrored
 * left-right. Random choices are drawn by the caller from its seeded {@link Random}, so augmentation is reproducible.
 */
final class Augmentation {
    private Augmentation() {
    }

    /** The {@code crop x crop} window at (x0, y0) of a {@code side x side} image, mirrored when {@code flip}. */
    static float[] cropAndFlip(float[] hwc, int side, int crop, int x0, int y0, boolean flip) {
        if (hwc.length != side * side * 3) {
            throw new IllegalArgumentException("expected a " + side + "x" + side + "x3 image");
        }
        if (x0 < 0 || y0 < 0 || x0 + crop > side || y0 + crop > side) {
            throw new IllegalArgumentException("crop window outside the image");
        }
        float[] out = new float[crop * crop * 3];
        for (int y = 0; y < crop; y++) {
            for (int x = 0; x < crop; x++) {
                int sx = x0 + (flip ? crop - 1 - x : x);
                System.arraycopy(hwc, ((y0 + y) * side + sx) * 3, out, (y * crop + x) * 3, 3);
            }
        }
        return out;
    }

    /** A random crop window and flip of a {@code side} image down to {@code crop}. */
    static float[] random(float[] hwc, int side, int crop, Random random) {
        int x0 = random.nextInt(side - crop + 1);
        int y0 = random.nextInt(side - crop + 1);
        return cropAndFlip(hwc, side, crop, x0, y0, random.nextBoolean());
    }
}
