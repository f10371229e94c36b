package dev.landmarks.delf.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RootSiftDescriptorsTest {
    @Test
    void l1NormaliseThenSquareRootPerRow() {
        float[] v = {1, 3, 0, 0, /* second row */ 2, 2, 2, 2};
        RootSiftDescriptors.toRootSift(v, 4);
        assertArrayEquals(new float[] {0.5f, (float) Math.sqrt(0.75), 0, 0, 0.5f, 0.5f, 0.5f, 0.5f}, v, 1e-6f);
    }

    @Test
    void resultHasUnitL2Norm() {
        float[] v = {7, 1, 0, 12, 3, 5};
        RootSiftDescriptors.toRootSift(v, 6);
        double sq = 0;
        for (float f : v) {
            sq += f * f;
        }
        assertEquals(1.0, sq, 1e-5);
    }

    @Test
    void allZeroDescriptorStaysZero() {
        float[] v = {0, 0, 0};
        RootSiftDescriptors.toRootSift(v, 3);
        assertArrayEquals(new float[] {0, 0, 0}, v);
    }
}
