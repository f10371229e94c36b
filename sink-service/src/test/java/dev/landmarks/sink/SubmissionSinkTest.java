package dev.landmarks.sink;

import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionSinkTest {
    @TempDir
    Path dir;

    static Result recognized(String id, String landmark, float score) {
        return Result.newBuilder().setImageId(id).setStatus(Result.Status.RECOGNIZED)
                .setLandmarkId(landmark).setScore(score).build();
    }

    static Result noLandmark(String id) {
        return Result.newBuilder().setImageId(id).setStatus(Result.Status.NO_LANDMARK).build();
    }

    static Result failed(String id, FailureReason reason) {
        return Result.newBuilder().setImageId(id).setStatus(Result.Status.FAILED).setFailureReason(reason)
                .setFailureDetail("because").build();
    }

    @Test
    void aLaterResultForTheSameIdDoesNotAddARow() throws IOException {
        SubmissionSink sink = new SubmissionSink();
        assertTrue(sink.accept(recognized("q1", "A", 0.5f)));
        assertFalse(sink.accept(recognized("q1", "B", 0.9f)));
        assertFalse(sink.accept(noLandmark("q1")));
        assertTrue(sink.accept(noLandmark("q2")));

        Path out = dir.resolve("submission.csv");
        sink.write(out, sink.sortedIds());
        assertEquals("id,landmarks\nq1,A 0.5\nq2,\n", Files.readString(out));
        assertEquals(2, sink.summary().duplicates());
        assertEquals(2, sink.size());
    }

    @Test
    void anUnverifiedCandidateIsListedWithItsLowScoreUnlessSwitchedOff() throws IOException {
        Result unverified = Result.newBuilder().setImageId("q1").setStatus(Result.Status.NO_LANDMARK)
                .setUnverifiedLandmarkId("B").setUnverifiedScore(0.125f).setInliers(7).build();
        SubmissionSink listing = SubmissionSink.from(dev.landmarks.common.config.Settings.of(java.util.Map.of()));
        listing.accept(unverified);
        listing.accept(noLandmark("q2"));
        listing.accept(recognized("q3", "A", 0.75f));
        Path out = dir.resolve("listing.csv");
        listing.write(out, List.of("q1", "q2", "q3"));
        assertEquals("id,landmarks\nq1,B 0.125\nq2,\nq3,A 0.75\n", Files.readString(out));

        SubmissionSink strict = SubmissionSink.from(dev.landmarks.common.config.Settings.of(
                java.util.Map.of(SubmissionSink.INCLUDE_UNVERIFIED, "false")));
        strict.accept(unverified);
        Path strictOut = dir.resolve("strict.csv");
        strict.write(strictOut, List.of("q1"));
        assertEquals("id,landmarks\nq1,\n", Files.readString(strictOut));
        assertEquals(1, strict.summary().byStatus().get(Result.Status.NO_LANDMARK));
    }

    @Test
    void rowsFollowTheExpectedOrderAndMissingIdsAreEmpty() throws IOException {
        SubmissionSink sink = new SubmissionSink();
        sink.accept(recognized("c", "C", 0.25f));
        sink.accept(failed("a", FailureReason.NOT_FOUND));
        sink.accept(recognized("z", "Z", 1f));
        List<String> expected = List.of("c", "b", "a");

        assertEquals(List.of("b"), sink.missing(expected));
        Path out = dir.resolve("submission.csv");
        sink.write(out, expected);
        assertEquals("id,landmarks\nc,C 0.25\nb,\na,\n", Files.readString(out));
    }

    @Test
    void withoutAnExpectedListRowsAreSortedById() {
        SubmissionSink sink = new SubmissionSink();
        for (String id : List.of("m", "b", "x", "a")) {
            sink.accept(noLandmark(id));
        }
        assertEquals(List.of("a", "b", "m", "x"), sink.sortedIds());
    }

    @Test
    void summaryCountsStatusesReasonsAndUnusableResults() {
        SubmissionSink sink = new SubmissionSink();
        sink.accept(recognized("r1", "A", 0.5f));
        sink.accept(recognized("r2", "", 0.5f));
        sink.accept(recognized("r3", "A", Float.NaN));
        sink.accept(noLandmark("n1"));
        sink.accept(failed("f1", FailureReason.NOT_FOUND));
        sink.accept(failed("f2", FailureReason.NOT_FOUND));
        sink.accept(failed("f3", FailureReason.TIMEOUT));
        sink.accept(failed("f3", FailureReason.TIMEOUT));

        SinkSummary s = sink.summary();
        assertEquals(3, s.count(Result.Status.RECOGNIZED));
        assertEquals(1, s.count(Result.Status.NO_LANDMARK));
        assertEquals(3, s.count(Result.Status.FAILED));
        assertEquals(2, s.failures().get(FailureReason.NOT_FOUND));
        assertEquals(2, s.unusable());
        assertTrue(sink.prediction("r1").isPresent());
        assertTrue(sink.prediction("r2").isEmpty());
        assertEquals("7 results: 3 RECOGNIZED, 1 NO_LANDMARK, 3 FAILED (NOT_FOUND 2, TIMEOUT 1); "
                + "2 RECOGNIZED without a usable landmark or score (written empty); 1 duplicate ignored", s.describe());
    }

    @Test
    void theRecordKeyStandsInForAnEmptyImageId() {
        SubmissionSink sink = new SubmissionSink();
        sink.accept("k1", Result.newBuilder().setStatus(Result.Status.RECOGNIZED).setLandmarkId("A").setScore(1).build());
        assertEquals("k1", sink.prediction("k1").orElseThrow().id());
    }
}
