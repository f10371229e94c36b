package dev.landmarks.verifier.ransac;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import dev.landmarks.verifier.match.DescriptorMatcher;
import dev.landmarks.verifier.match.MatchConfig;
import dev.landmarks.verifier.match.Matches;
import dev.landmarks.verifier.verify.TestPhotos;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobustFitterTest {
    // A mild perspective map, reference -> query.
    private static final double[] H = {0.9, -0.1, 30, 0.12, 1.05, -20, 1e-4, -5e-5, 1};
    private static final int TRUE_POINTS = 60;
    private static final int OUTLIERS = 40;

    @Test
    void sameInputGivesTheSameInliersTwice() {
        Features graf1 = TestPhotos.graf("graf1.png");
        Features graf3 = TestPhotos.graf("graf3.png");
        Matches m = new DescriptorMatcher(MatchConfig.defaults()).match(graf3, graf1);
        for (GeometryModel model : GeometryModel.values()) {
            RobustFitter fitter = new RobustFitter(RansacConfig.defaults().withModel(model));
            ModelFit a = fitter.fit(graf3, graf1, m);
            // Disturb the thread's OpenCV random state in between: the fitter must reseed it.
            new RobustFitter(RansacConfig.defaults().withModel(model).withThreshold(3)).fit(graf3, graf1, m);
            ModelFit b = fitter.fit(graf3, graf1, m);
            assertTrue(a.count() > 0, model.name());
            assertEquals(a.count(), b.count(), model.name());
            assertArrayEquals(a.inliers(), b.inliers(), model.name());
            assertArrayEquals(a.matrix(), b.matrix(), model.name());
        }
    }

    @Test
    void homographySeparatesPlantedOutliers() {
        Synthetic s = synthetic(H);
        RansacConfig homography = RansacConfig.defaults().withModel(GeometryModel.HOMOGRAPHY).withThreshold(3);
        ModelFit fit = new RobustFitter(homography).fit(s.query, s.reference, s.matches);
        assertTrue(fit.found());
        for (int k = 0; k < TRUE_POINTS; k++) {
            assertTrue(fit.inliers()[k], "true correspondence " + k + " rejected");
        }
        assertTrue(fit.count() <= TRUE_POINTS + 2, "outliers accepted: " + (fit.count() - TRUE_POINTS));
        double[] p = fit.map(100, 200);
        double[] e = new ModelFit(GeometryModel.HOMOGRAPHY, H, new boolean[0], 0).map(100, 200);
        assertEquals(e[0], p[0], 0.01);
        assertEquals(e[1], p[1], 0.01);
    }

    @Test
    void affineOptionRecoversAnAffineMap() {
        double[] a = {1.1, 0.2, -15, -0.1, 0.95, 40, 0, 0, 1};
        Synthetic s = synthetic(a);
        RansacConfig affine = RansacConfig.defaults().withModel(GeometryModel.AFFINE).withThreshold(3);
        ModelFit fit = new RobustFitter(affine).fit(s.query, s.reference, s.matches);
        assertEquals(GeometryModel.AFFINE, fit.model());
        assertEquals(TRUE_POINTS, fit.count(), 2);
        assertArrayEquals(a, fit.matrix(), 1e-3);
    }

    @Test
    void tooFewMatchesFitNothing() {
        Synthetic s = synthetic(H);
        Matches three = new Matches(new int[] {0, 1, 2}, new int[] {0, 1, 2}, new float[3]);
        ModelFit fit = new RobustFitter(RansacConfig.defaults().withModel(GeometryModel.HOMOGRAPHY))
                .fit(s.query, s.reference, three);
        assertFalse(fit.found());
        assertEquals(0, fit.count());
        assertEquals(3, fit.inliers().length);
    }

    @Test
    void configFromSettings() {
        RansacConfig c = RansacConfig.from(Settings.of(Map.of("ransac.model", "homography", "ransac.threshold-px", "8",
                "ransac.seed", "7")));
        assertEquals(new RansacConfig(GeometryModel.HOMOGRAPHY, 8, 2000, 0.999, 7), c);
        assertEquals(RansacConfig.defaults(), RansacConfig.from(Settings.of(Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> RansacConfig.from(Settings.of(Map.of("ransac.model", "fundamental"))));
        assertThrows(IllegalArgumentException.class, () -> RansacConfig.defaults().withThreshold(0));
    }

    private record Synthetic(Features query, Features reference, Matches matches) {
    }

    /** TRUE_POINTS exact correspondences under {@code model}, then OUTLIERS random ones (fixed seed). */
    private static Synthetic synthetic(double[] model) {
        ModelFit map = new ModelFit(GeometryModel.HOMOGRAPHY, model, new boolean[0], 0);
        Random rnd = new Random(3);
        int n = TRUE_POINTS + OUTLIERS;
        float[] rx = new float[n];
        float[] ry = new float[n];
        float[] qx = new float[n];
        float[] qy = new float[n];
        for (int k = 0; k < n; k++) {
            rx[k] = 20 + rnd.nextFloat() * 600;
            ry[k] = 20 + rnd.nextFloat() * 440;
            if (k < TRUE_POINTS) {
                double[] p = map.map(rx[k], ry[k]);
                qx[k] = (float) p[0];
                qy[k] = (float) p[1];
            } else {
                qx[k] = rnd.nextFloat() * 640;
                qy[k] = rnd.nextFloat() * 480;
            }
        }
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
        }
        return new Synthetic(points(qx, qy), points(rx, ry), new Matches(idx, idx.clone(), new float[n]));
    }

    private static Features points(float[] x, float[] y) {
        int n = x.length;
        return new Features("test", 640, 480, x, y, new float[n], new float[n], new float[0], 0, new float[0]);
    }
}
