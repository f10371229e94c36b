package dev.landmarks.classifier.retrieval.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transposed, all-centres-at-once scoring against plain squared distances. */
class CentreSetTest {
    private static float[] random(int n, SplittableRandom r) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextDouble();
        }
        return out;
    }

    @Test
    void nearestAgreesWithTheSmallestSquaredDistance() {
        SplittableRandom r = new SplittableRandom(7);
        int dim = 128;
        CentreSet set = new CentreSet(dim, random(37 * dim, r));
        float[] points = random(200 * dim, r);
        for (int p = 0; p < 200; p++) {
            int expected = 0;
            for (int c = 1; c < set.size(); c++) {
                if (set.squaredDistance(points, p * dim, c) < set.squaredDistance(points, p * dim, expected)) {
                    expected = c;
                }
            }
            assertEquals(expected, set.nearest(points, p * dim), "point " + p);
        }
    }

    @Test
    void theKNearestComeInOrderAndStartWithTheNearest() {
        CentreSet set = new CentreSet(2, new float[] {0, 0, 10, 0, 0, 10, 10, 10});
        int[] best = new int[3];
        assertEquals(3, set.nearest(new float[] {9, 1}, 0, best));
        assertEquals(1, best[0]);
        assertTrue(best[1] == 0 || best[1] == 3, "then a centre at the same distance, lower index first");
        assertArrayEquals(new int[] {1, 0, 3}, best);
        assertEquals(set.nearest(new float[] {9, 1}, 0), best[0]);
        assertEquals(4, set.nearest(new float[] {1, 1}, 0, new int[6]), "fewer centres than asked");
    }
}
