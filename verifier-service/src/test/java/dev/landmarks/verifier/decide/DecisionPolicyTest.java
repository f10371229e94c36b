package dev.landmarks.verifier.decide;

import dev.landmarks.common.config.Settings;
import dev.landmarks.proto.Result;
import dev.landmarks.verifier.verify.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table tests with T = 35, saturation 70, inlier weight 0.5. */
class DecisionPolicyTest {
    private static final DecisionConfig BASE = new DecisionConfig(35, 70, 0.5, 0, 0, false);
    private static final DecisionPolicy POLICY = new DecisionPolicy(BASE);

    private static Verdict v(String landmark, float candidate, int inliers) {
        return new Verdict(landmark, candidate, inliers, inliers, landmark + "-ref", 1, 20, inliers >= 35 ? 1 : 0);
    }

    @Test
    void verifiedCandidateBeatsAnUnverifiedOneWithAHigherCandidateScore() {
        Decision d = POLICY.decide(List.of(v("a", 0.9f, 34), v("b", 0.1f, 35)));
        assertEquals(new Decision(Result.Status.RECOGNIZED, "b", 0.5f + 0.5f * (0.5f * 35 / 70 + 0.5f * 0.1f), 35,
                "b-ref"), d);
    }

    @Test
    void scoreTable() {
        Object[][] rows = {
                // inliers, candidate score, expected score
                {35, 0f, 0.625f},
                {70, 0f, 0.75f},
                {140, 0f, 0.75f}, // saturated
                {70, 1f, 1.0f},
                {35, 1f, 0.875f},
        };
        for (Object[] r : rows) {
            Decision d = POLICY.decide(List.of(v("a", (float) r[1], (int) r[0])));
            assertEquals((float) r[2], d.score(), 1e-6, "inliers " + r[0] + " candidate " + r[1]);
        }
    }

    @Test
    void amongVerifiedTheStrongerCombinedTermWins() {
        Decision d = POLICY.decide(List.of(v("a", 0.2f, 60), v("b", 0.6f, 40), v("c", 0.9f, 10)));
        // a: 0.5*60/70 + 0.1 = 0.529; b: 0.5*40/70 + 0.3 = 0.586
        assertEquals("b", d.landmarkId());
        assertEquals(40, d.inliers());
    }

    @Test
    void belowThresholdIsNoLandmarkNamingTheBestUnverifiedCandidateBelowHalf() {
        Decision d = POLICY.decide(List.of(v("a", 0.99f, 34), v("b", 0.5f, 3)));
        assertEquals(Result.Status.NO_LANDMARK, d.status());
        assertEquals("a", d.landmarkId());
        assertEquals(34, d.inliers());
        assertEquals("a-ref", d.referenceImageId());
        assertEquals(0.5f * (0.5f * 34 / 70 + 0.5f * 0.99f), d.score(), 1e-6);
        assertEquals(new Decision(Result.Status.NO_LANDMARK, "", 0f, 0, ""), POLICY.decide(List.of()));
    }

    @Test
    void guessFlagAnswersTheBestUnverifiedCandidateBelowEveryVerifiedScore() {
        DecisionPolicy guessing = new DecisionPolicy(BASE.withGuess(true));
        Decision d = guessing.decide(List.of(v("a", 0.99f, 34), v("b", 0.5f, 3)));
        assertEquals(Result.Status.RECOGNIZED, d.status());
        assertEquals("a", d.landmarkId());
        assertTrue(d.score() < 0.5f, "guess score " + d.score());
        Decision strongest = guessing.decide(List.of(v("a", 1f, 34)));
        assertTrue(strongest.score() < guessing.decide(List.of(v("a", 0f, 35))).score());
    }

    @Test
    void spreadRequirementCanRefuseConcentratedInliers() {
        Verdict clustered = new Verdict("a", 1f, 80, 80, "a-ref", 1, 3, 1);
        assertEquals(Result.Status.RECOGNIZED, POLICY.decide(List.of(clustered)).status());
        DecisionPolicy spread = new DecisionPolicy(BASE.withSpreadAndMargin(4, 0));
        assertEquals(Result.Status.NO_LANDMARK, spread.decide(List.of(clustered)).status());
    }

    @Test
    void marginLowersTheScoreWhenAnotherLandmarkMatchesAlike() {
        DecisionPolicy margin = new DecisionPolicy(BASE.withSpreadAndMargin(0, 1));
        float alone = margin.decide(List.of(v("a", 0f, 70), v("b", 0f, 0))).score();
        float contested = margin.decide(List.of(v("a", 0f, 70), v("b", 0f, 35))).score();
        assertEquals(0.75f, alone, 1e-6);
        assertEquals(0.5f + 0.5f * (0.5f - 0.25f), contested, 1e-6);
        assertEquals("a", margin.decide(List.of(v("a", 0f, 70), v("b", 0f, 35))).landmarkId());
    }

    @Test
    void tiesGoToTheSmallerLandmarkIdWhateverTheOrder() {
        assertEquals("a", POLICY.decide(List.of(v("b", 0.5f, 50), v("a", 0.5f, 50))).landmarkId());
        assertEquals("a", POLICY.decide(List.of(v("a", 0.5f, 50), v("b", 0.5f, 50))).landmarkId());
    }

    @Test
    void configFromSettings() {
        DecisionConfig c = DecisionConfig.from(Settings.of(Map.of("verify.min-inliers", "20",
                "decide.guess-unverified", "true", "decide.inlier-weight", "1")));
        assertEquals(20, c.minInliers());
        assertTrue(c.guessWhenUnverified());
        assertEquals(1.0, c.inlierWeight());
        assertEquals(DecisionConfig.defaults(), DecisionConfig.from(Settings.of(Map.of())));
        assertThrows(IllegalArgumentException.class, () -> DecisionConfig.from(Settings.of(Map.of("decide.saturation", "0"))));
    }
}
