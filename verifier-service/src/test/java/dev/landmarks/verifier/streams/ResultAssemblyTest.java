package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Result;
import dev.landmarks.verifier.decide.DecisionConfig;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.verify.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Result fields each kind of decision fills, with the real decision policy (T = 12). */
class ResultAssemblyTest {
    private static final Result CONTEXT = Result.newBuilder().setImageId("q1").build();
    private static final DecideFunction DECIDE = GeometricVerification.decide(new DecisionPolicy(DecisionConfig.defaults()));

    private static CandidateVerdict verdict(int index, String landmark, float candidate, int inliers) {
        return new CandidateVerdict("q1", index, 2, new Verdict(landmark, candidate, inliers, inliers, landmark + "-r", 2),
                1.0, "", CONTEXT);
    }

    @Test
    void aVerifiedAnswerFillsTheLandmarkAndLeavesTheUnverifiedFieldsEmpty() {
        Result r = ResultAssembly.fromVerdicts(List.of(verdict(0, "a", 0.9f, 40), verdict(1, "b", 0.1f, 5)), DECIDE, 7);
        assertEquals(Result.Status.RECOGNIZED, r.getStatus());
        assertEquals("a", r.getLandmarkId());
        assertEquals(40, r.getInliers());
        assertEquals("a-r", r.getReferenceImageId());
        assertTrue(r.getScore() >= 0.5f);
        assertEquals("", r.getUnverifiedLandmarkId());
    }

    @Test
    void noLandmarkNamesTheBestUnverifiedCandidateWithItsLowScore() {
        Result r = ResultAssembly.fromVerdicts(List.of(verdict(1, "b", 0.5f, 9), verdict(0, "a", 0.5f, 5)), DECIDE, 7);
        assertEquals(Result.Status.NO_LANDMARK, r.getStatus());
        assertEquals("", r.getLandmarkId(), "a yes/no reader sees no landmark");
        assertEquals(0f, r.getScore());
        assertEquals("b", r.getUnverifiedLandmarkId());
        assertTrue(r.getUnverifiedScore() > 0 && r.getUnverifiedScore() < 0.5f, "score " + r.getUnverifiedScore());
        assertEquals(9, r.getInliers());
        assertEquals("b-r", r.getReferenceImageId());
    }
}
