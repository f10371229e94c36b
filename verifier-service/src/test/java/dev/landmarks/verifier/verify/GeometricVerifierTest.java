package dev.landmarks.verifier.verify;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real photos: graf3 as the query; graf1 shows the same wall, the box photos and a leuven facade do not. */
class GeometricVerifierTest {
    private static final Features QUERY = TestPhotos.graf("graf3.png");
    private static final Reference BOX = ref("box", TestPhotos.sample("train/opencv_box/d71b0dde6bd743a5.png"));
    private static final Reference LEUVEN = ref("leuven", TestPhotos.sample("train/opencv_leuven/2bd4c5e0a2b5e93c.jpg"));
    private static final Reference GRAF1 = ref("graf1", TestPhotos.graf("graf1.png"));
    private static final Reference GRAF1_AGAIN = ref("graf1-again", TestPhotos.graf("graf1.png"));

    @Test
    void stopsAtTheFirstReferenceReachingTheThreshold() {
        Verdict v = new GeometricVerifier(VerifyConfig.defaults())
                .verify(QUERY, "graf", 0.3f, List.of(BOX, GRAF1, GRAF1_AGAIN, LEUVEN));
        assertEquals("graf", v.landmarkId());
        assertEquals(0.3f, v.candidateScore());
        assertEquals("graf1", v.referenceImageId());
        assertEquals(2, v.referencesChecked(), "graf1-again and leuven are never compared");
        assertTrue(v.inliers() >= VerifyConfig.DEFAULT_MIN_INLIERS, "inliers " + v.inliers());
        assertEquals(v.inliers(), v.verificationScore());
        assertEquals(1, v.verifiedReferences());
        assertTrue(v.spreadCells() > 10, "graffiti inliers cover the wall, got " + v.spreadCells());
    }

    @Test
    void withoutEarlyStopEveryReferenceIsComparedAndTheBestKept() {
        Verdict v = new GeometricVerifier(VerifyConfig.defaults().withStopEarly(false))
                .verify(QUERY, "graf", 1f, List.of(BOX, GRAF1, GRAF1_AGAIN, LEUVEN));
        assertEquals(4, v.referencesChecked());
        assertEquals("graf1", v.referenceImageId(), "ties keep the earlier reference");
        assertEquals(2, v.verifiedReferences());
    }

    @Test
    void unrelatedReferencesStayBelowTheThreshold() {
        Verdict v = new GeometricVerifier(VerifyConfig.defaults()).verify(QUERY, "other", 1f, List.of(BOX, LEUVEN));
        assertEquals(2, v.referencesChecked());
        assertTrue(v.inliers() < VerifyConfig.DEFAULT_MIN_INLIERS, "inliers " + v.inliers());
        assertEquals(0, v.verifiedReferences());
    }

    @Test
    void atMostMaxReferencesAreCompared() {
        VerifyConfig two = VerifyConfig.from(Settings.of(Map.of("verify.max-references", "2")));
        Verdict v = new GeometricVerifier(two).verify(QUERY, "graf", 1f, List.of(BOX, LEUVEN, GRAF1));
        assertEquals(2, v.referencesChecked());
        assertTrue(v.inliers() < VerifyConfig.DEFAULT_MIN_INLIERS);
    }

    @Test
    void noReferencesGiveAnEmptyVerdict() {
        Verdict v = new GeometricVerifier(VerifyConfig.defaults()).verify(QUERY, "lonely", 0.9f, List.of());
        assertEquals(new Verdict("lonely", 0.9f, 0, 0f, "", 0, 0, 0), v);
    }

    @Test
    void configFromSettingsAndValidation() {
        VerifyConfig c = VerifyConfig.from(Settings.of(Map.of("verify.min-inliers", "20", "verify.stop-early", "false",
                "match.mode", "mutual", "ransac.threshold-px", "8")));
        assertEquals(20, c.minInliers());
        assertEquals(false, c.stopEarly());
        assertEquals(8, c.ransac().thresholdPx());
        assertEquals(VerifyConfig.defaults(), VerifyConfig.from(Settings.of(Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> VerifyConfig.from(Settings.of(Map.of("verify.max-references", "0"))));
    }

    private static Reference ref(String id, Features f) {
        return new Reference("x", id, f);
    }
}
