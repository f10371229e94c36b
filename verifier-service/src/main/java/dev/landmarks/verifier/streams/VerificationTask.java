package dev.landmarks.verifier.streams;

import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;

/**
 * One candidate of one query image, sent to the instance that owns the candidate landmark (repartition topic
 * {@code <application id>-verify-tasks-repartition}, key = landmark id).
 *
 * @param candidateIndex position of the candidate in the image's (de-duplicated) candidate list, 0 = best
 * @param candidateCount how many verdicts the gather step waits for
 * @param context        the result-to-be of the image: id, source URL, request time, model versions, timings
 */
public record VerificationTask(String imageId, int candidateIndex, int candidateCount, String landmarkId,
                               float candidateScore, LocalFeatures query, Result context) {
}
