package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Result;
import dev.landmarks.verifier.verify.Verdict;

/**
 * The verdict for one candidate of one image, on its way back to the gather step (repartition topic
 * {@code <application id>-verdicts-repartition}, key = image id).
 *
 * @param verifyMillis time spent in the verify function for this candidate
 * @param error        why verification failed, empty when it did not
 */
public record CandidateVerdict(String imageId, int candidateIndex, int candidateCount, Verdict verdict,
                               double verifyMillis, String error, Result context) {
    public boolean failed() {
        return !error.isEmpty();
    }
}
