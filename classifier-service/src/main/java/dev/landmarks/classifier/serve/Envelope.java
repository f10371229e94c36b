package dev.landmarks.classifier.serve;

import dev.landmarks.proto.StageTiming;

import java.util.List;

/**
 * What the batch handler needs from one input record before decoding its payload: who it is, where it came from,
 * the timings so far, and whether it is a reference photo (landmark id set) rather than a query.
 *
 * @param payload decodes the generator's input; its failure is the image's failure (a FAILED result), not the record's
 */
public record Envelope<I>(String imageId, String sourceUrl, long requestedAtMs, String landmarkId,
                          List<StageTiming> timings, Payload<I> payload) {
    /** Deferred decoding, so that a bad image fails alone and is timed as part of the candidates stage. */
    @FunctionalInterface
    public interface Payload<I> {
        I decode() throws Exception;
    }

    public Envelope {
        timings = List.copyOf(timings);
        landmarkId = landmarkId == null ? "" : landmarkId;
    }

    public boolean isReference() {
        return !landmarkId.isEmpty();
    }
}
