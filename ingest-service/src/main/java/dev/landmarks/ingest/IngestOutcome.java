package dev.landmarks.ingest;

import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;

import java.awt.image.BufferedImage;
import java.util.List;

/** What ingesting one request gave: an image to publish, or a failure to report. Exactly one per request. */
public sealed interface IngestOutcome {
    String imageId();

    /**
     * @param image   the message for landmark.images (resized JPEG, sizes, source, timings)
     * @param resized its pixels as decoded and resized (TYPE_3BYTE_BGR), for in-process callers that extract features
     *                without decoding the JPEG again
     */
    record Fetched(Image image, BufferedImage resized) implements IngestOutcome {
        @Override
        public String imageId() {
            return image.getImageId();
        }
    }

    /**
     * @param detail  a sentence a person understands, e.g. "HTTP 404 Not Found from http://..."
     * @param timings the stages that ran before the failure
     */
    record Failed(String imageId, String sourceUrl, FailureReason reason, String detail, List<StageTiming> timings,
                  long requestedAtMs) implements IngestOutcome {
        public Failed {
            timings = List.copyOf(timings);
        }

        /** The FAILED result for landmark.results. */
        public Result toResult(long completedAtMs) {
            return Result.newBuilder()
                    .setImageId(imageId)
                    .setStatus(Result.Status.FAILED)
                    .setFailureReason(reason)
                    .setFailureDetail(detail)
                    .setSourceUrl(sourceUrl)
                    .addAllTimings(timings)
                    .setRequestedAtMs(requestedAtMs)
                    .setCompletedAtMs(completedAtMs)
                    .build();
        }
    }
}
