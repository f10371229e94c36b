package dev.landmarks.cli.explain;

import dev.landmarks.proto.Result;
import dev.landmarks.verifier.verify.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainAnswerTest {
    /** Three matches, the first two inliers. */
    private static final Correspondences TWO_OF_THREE = new Correspondences(new float[3], new float[3], new float[3],
            new float[3], new boolean[] {true, true, false});

    @Test
    void recognisedResultNamesLandmarkReferenceInliersAndScore() {
        Answer a = Answer.of(Result.newBuilder().setImageId("q1").setStatus(Result.Status.RECOGNIZED)
                .setLandmarkId("eiffel").setReferenceImageId("r9").setInliers(2).setScore(0.8125f).build());
        assertEquals(List.of("query q1 -> eiffel (reference r9): 2 inliers, score 0.813",
                "green: 2 inliers of 3 tentative matches; red (faint): rejected"), a.caption(TWO_OF_THREE));
    }

    @Test
    void aDifferentRefitCountIsSaid() {
        Answer a = new Answer("q1", Result.Status.RECOGNIZED, "eiffel", "r9", 40, 0.8f);
        assertEquals("green: 2 inliers of 3 tentative matches; red (faint): rejected"
                + " (re-fitted here; the decision saw 40)", a.caption(TWO_OF_THREE).get(1));
    }

    @Test
    void unverifiedBestCandidateIsShownAsNoLandmark() {
        Answer a = Answer.unverified("q2", new Verdict("box", 1f, 5, 5f, "r3", 1));
        assertFalse(a.recognised());
        assertTrue(a.hasReference());
        assertEquals("query q2 -> no landmark (best: box, 5 inliers, reference r3)", a.caption(TWO_OF_THREE).get(0));
    }

    @Test
    void pipelineNoLandmarkAndFailedHaveNoReferenceAndOneLine() {
        Answer none = Answer.of(Result.newBuilder().setImageId("q3").setStatus(Result.Status.NO_LANDMARK).build());
        assertFalse(none.hasReference());
        assertEquals(List.of("query q3 -> no landmark"), none.caption(Correspondences.none()));
        Answer failed = Answer.of(Result.newBuilder().setImageId("q4").setStatus(Result.Status.FAILED).build());
        assertEquals(List.of("query q4 -> failed"), failed.caption(Correspondences.none()));
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("1b940c2c54944a53.png", Explainer.fileName("1b940c2c54944a53"));
        assertEquals("a_b_c.png", Explainer.fileName("a/b c"));
        assertEquals("_...png", Explainer.fileName(".."));
    }
}
