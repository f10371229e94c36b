package dev.landmarks.delf.features;

import dev.landmarks.common.features.Features;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Table-driven checks of the pure post-processing, on hand-made model outputs. */
class DelfPostProcessingTest {
    // three keypoints; boxes ymin, xmin, ymax, xmax
    private static final float[] BOXES = {
            0, 0, 10, 20,
            100, 50, 140, 90,
            8, 8, 8, 8};
    private static final float[] DESCRIPTORS = {
            3, 4,
            0, 2,
            -1, 0};
    private static final float[] SCALES = {1f, 0.5f, 2f};
    private static final float[] SCORES = {120f, 300f, 99.9f};

    private static Features run(int max, float threshold) {
        return DelfPostProcessing.toFeatures("delf:test", 200, 150,
                new DelfPostProcessing.RawOutputs(BOXES, DESCRIPTORS, 2, SCALES, SCORES), Optional.empty(), max, threshold);
    }

    @Test
    void keepsKeypointsAtOrAboveTheThresholdStrongestFirstAtBoxCentres() {
        Features f = run(10, 100f);

        assertEquals(2, f.size());
        assertArrayEquals(new float[]{300f, 120f}, f.strength());
        assertArrayEquals(new float[]{70f, 10f}, f.x());
        assertArrayEquals(new float[]{120f, 5f}, f.y());
        assertArrayEquals(new float[]{40f, 20f}, f.scale());
        assertArrayEquals(new float[]{0f, 1f, 0.6f, 0.8f}, f.descriptors(), 1e-6f);
        assertEquals(0, f.orientation().length);
        assertEquals("delf:test", f.extractor());
    }

    @Test
    void theThresholdIsInclusive() {
        assertEquals(3, run(10, 99.9f).size());
    }

    @Test
    void theBudgetKeepsTheStrongest() {
        Features f = run(1, 0f);

        assertEquals(1, f.size());
        assertEquals(300f, f.strength()[0]);
    }

    @Test
    void pcaProjectsThenRenormalises() {
        // components: first picks dim 1, second picks dim 0; mean shifts dim 0 by 1
        PcaProjection pca = new PcaProjection(new float[]{1f, 0f}, new float[]{0, 1, 1, 0}, new float[0], 1);

        Features f = DelfPostProcessing.toFeatures("d", 200, 150,
                new DelfPostProcessing.RawOutputs(BOXES, DESCRIPTORS, 2, SCALES, SCORES), Optional.of(pca), 10, 0f);

        assertEquals(1, f.dim());
        // strongest (0,1) -> 1 ; (0.6,0.8) -> 0.8 -> 1 ; (-1,0) -> 0 stays 0
        assertArrayEquals(new float[]{1f, 1f, 0f}, f.descriptors(), 1e-6f);
    }

    @Test
    void whiteningDividesBySqrtVariance() {
        PcaProjection pca = new PcaProjection(new float[]{0f, 0f}, new float[]{1, 0, 0, 1}, new float[]{4f, 1f}, 2);

        float[] out = pca.apply(new float[]{0.6f, 0.8f}, 1);

        // (0.3, 0.8) renormalised
        double n = Math.hypot(0.3, 0.8);
        assertArrayEquals(new float[]{(float) (0.3 / n), (float) (0.8 / n)}, out, 1e-6f);
    }

    @Test
    void inconsistentOutputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DelfPostProcessing.RawOutputs(
                new float[4], new float[3], 2, new float[1], new float[1]));
    }

    @Test
    void pcaParametersAreValidated() {
        assertThrows(IllegalArgumentException.class,
                () -> new PcaProjection(new float[2], new float[4], new float[0], 3));
        assertThrows(IllegalArgumentException.class,
                () -> new PcaProjection(new float[2], new float[3], new float[0], 1));
        assertThrows(IllegalArgumentException.class,
                () -> new PcaProjection(new float[2], new float[4], new float[]{0f, 1f}, 1));
    }
}
