package dev.landmarks.cli.explain;

import dev.landmarks.proto.Result;
import dev.landmarks.verifier.verify.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a picture explains: the answer for one query and the reference that supports it. For NO_LANDMARK the landmark
 * and reference are the best unverified candidate when one is known (the explain command searched every landmark),
 * empty otherwise (a pipeline result does not carry the runner-up).
 *
 * @param inliers inliers the decision saw against {@code referenceImageId}
 * @param score   the decision's ranking score (RECOGNIZED only)
 */
public record Answer(String queryId, Result.Status status, String landmarkId, String referenceImageId, int inliers,
                     float score) {
    public Answer {
        landmarkId = landmarkId == null ? "" : landmarkId;
        referenceImageId = referenceImageId == null ? "" : referenceImageId;
    }

    /** The answer a pipeline result gives. */
    public static Answer of(Result r) {
        if (r.getStatus() == Result.Status.RECOGNIZED) {
            return new Answer(r.getImageId(), r.getStatus(), r.getLandmarkId(), r.getReferenceImageId(), r.getInliers(),
                    r.getScore());
        }
        return new Answer(r.getImageId(), r.getStatus(), "", "", 0, 0f);
    }

    /** NO_LANDMARK, showing the closest candidate that did not verify. */
    public static Answer unverified(String queryId, Verdict best) {
        return new Answer(queryId, Result.Status.NO_LANDMARK, best.landmarkId(), best.referenceImageId(),
                best.inliers(), 0f);
    }

    public boolean recognised() {
        return status == Result.Status.RECOGNIZED;
    }

    /** Whether there is a reference photo to draw beside the query. */
    public boolean hasReference() {
        return !referenceImageId.isEmpty();
    }

    /**
     * The caption: the answer on the first line, what the lines in the picture are on the second.
     *
     * @param drawn the correspondences drawn (re-matched and re-fitted), which may differ from {@link #inliers()}
     *              when the pipeline saw other features (e.g. another extractor setting)
     */
    public List<String> caption(Correspondences drawn) {
        List<String> lines = new ArrayList<>();
        if (recognised()) {
            lines.add(String.format(Locale.ROOT, "query %s -> %s (reference %s): %d inliers, score %.3f",
                    queryId, landmarkId, referenceImageId, inliers, score));
        } else if (!landmarkId.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "query %s -> no landmark (best: %s, %d inliers, reference %s)",
                    queryId, landmarkId, inliers, referenceImageId));
        } else {
            lines.add("query " + queryId + " -> " + (status == Result.Status.FAILED ? "failed" : "no landmark"));
        }
        if (hasReference()) {
            int shown = drawn.inliers();
            lines.add(String.format(Locale.ROOT, "green: %d inliers of %d tentative matches; red (faint): rejected%s",
                    shown, drawn.size(), shown == inliers ? "" : " (re-fitted here; the decision saw " + inliers + ")"));
        }
        return lines;
    }
}
