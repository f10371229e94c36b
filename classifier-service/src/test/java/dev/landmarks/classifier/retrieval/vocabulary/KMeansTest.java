package dev.landmarks.classifier.retrieval.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {
    private static final int DIM = 8;
    private static final int CLUSTERS = 6;
    private static final int PER_CLUSTER = 300;

    /** Six centres on different axes, 10 apart, with points scattered by sigma 0.3 around them. */
    private static float[] truth() {
        float[] centres = new float[CLUSTERS * DIM];
        for (int c = 0; c < CLUSTERS; c++) {
            centres[c * DIM + c] = 10f;
            centres[c * DIM + (c + 1) % DIM] = c;
        }
        return centres;
    }

    private static float[] points(float[] truth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[CLUSTERS * PER_CLUSTER * DIM];
        for (int i = 0; i < CLUSTERS * PER_CLUSTER; i++) {
            // Interleaved, so no cluster sits in one block of the input.
            int c = i % CLUSTERS;
            for (int j = 0; j < DIM; j++) {
                data[i * DIM + j] = truth[c * DIM + j] + (float) (random.nextGaussian() * 0.3);
            }
        }
        return data;
    }

    @Test
    void recoversWellSeparatedClusters() {
        float[] truth = truth();
        float[] data = points(truth, 7);
        CentreSet found = KMeans.cluster(data, DIM, CLUSTERS, 20, 42);

        assertEquals(CLUSTERS, found.size());
        boolean[] matched = new boolean[CLUSTERS];
        for (int c = 0; c < CLUSTERS; c++) {
            int nearest = found.nearest(truth, c * DIM);
            assertTrue(found.squaredDistance(truth, c * DIM, nearest) < 0.05,
                    "true centre " + c + " has no found centre near it");
            matched[nearest] = true;
        }
        for (boolean m : matched) {
            assertTrue(m, "two true centres share one found centre");
        }
        // Every point is assigned to the centre of its own cluster.
        CentreSet exact = new CentreSet(DIM, truth);
        for (int i = 0; i < CLUSTERS * PER_CLUSTER; i++) {
            assertEquals(found.nearest(truth, (i % CLUSTERS) * DIM), found.nearest(data, i * DIM));
            assertEquals(i % CLUSTERS, exact.nearest(data, i * DIM));
        }
    }

    @Test
    void sameSeedGivesTheSameCentresBitForBit() {
        float[] data = points(truth(), 11);
        assertArrayEquals(KMeans.cluster(data, DIM, 10, 5, 3).centres(), KMeans.cluster(data, DIM, 10, 5, 3).centres());
    }

    @Test
    void fewerPointsThanClustersGivesOneCentrePerPoint() {
        float[] data = {0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5};
        CentreSet found = KMeans.cluster(data, DIM, 10, 5, 1);
        assertEquals(2, found.size());
        assertEquals(0f, found.squaredDistance(data, 0, found.nearest(data, 0)));
        assertEquals(0f, found.squaredDistance(data, DIM, found.nearest(data, DIM)));
    }

    @Test
    void duplicatePointsLeaveNoCentreEmptyAndDoNotLoop() {
        float[] data = new float[50 * DIM];
        for (int i = 0; i < 50; i++) {
            data[i * DIM] = i < 40 ? 1f : 2f;
        }
        CentreSet found = KMeans.cluster(data, DIM, 4, 10, 9);
        assertEquals(4, found.size());
        assertEquals(0f, found.squaredDistance(data, 0, found.nearest(data, 0)));
        assertEquals(0f, found.squaredDistance(data, 45 * DIM, found.nearest(data, 45 * DIM)));
    }

    @Test
    void nearestMatchesBruteForceDistance() {
        SplittableRandom random = new SplittableRandom(5);
        float[] centres = new float[40 * 128];
        float[] queries = new float[100 * 128];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < queries.length; i++) {
            queries[i] = (float) random.nextDouble();
        }
        CentreSet set = new CentreSet(128, centres);
        for (int q = 0; q < 100; q++) {
            int best = 0;
            for (int c = 1; c < 40; c++) {
                if (set.squaredDistance(queries, q * 128, c) < set.squaredDistance(queries, q * 128, best)) {
                    best = c;
                }
            }
            int found = set.nearest(queries, q * 128);
            // The expanded form may differ in the last bits: equal distance is what matters.
            assertEquals(set.squaredDistance(queries, q * 128, best), set.squaredDistance(queries, q * 128, found), 1e-4);
        }
    }
}
