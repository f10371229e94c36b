package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import dev.landmarks.verifier.decide.Decision;
import dev.landmarks.verifier.verify.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the one Result of an image: first its context from the two halves of the query (what the earlier stages
 * recorded), then the outcome from the verdicts of all candidates. A failed verification makes the result FAILED
 * (PROCESSING_ERROR) rather than an answer that silently skipped a candidate.
 */
final class ResultAssembly {
    /** The stage name of the verifier's timing: summed time of the verify calls of all candidates. */
    static final String VERIFY_STAGE = "verify";

    private ResultAssembly() {
    }

    /**
     * Image id, source URL and request time (from predictions, else features), model versions (extractor, then
     * candidate generator, distinct) and timings (each stage once, features' first).
     */
    static Result context(String imageId, LocalFeatures features, Candidates candidates) {
        Set<String> versions = new LinkedHashSet<>();
        versions.add(features.getExtractor());
        versions.add(candidates.getModelId());
        versions.remove("");
        Map<String, StageTiming> timings = new LinkedHashMap<>();
        for (StageTiming t : features.getTimingsList()) {
            timings.putIfAbsent(t.getStage(), t);
        }
        for (StageTiming t : candidates.getTimingsList()) {
            timings.putIfAbsent(t.getStage(), t);
        }
        return Result.newBuilder()
                .setImageId(imageId)
                .setSourceUrl(firstNonEmpty(candidates.getSourceUrl(), features.getSourceUrl()))
                .setRequestedAtMs(candidates.getRequestedAtMs() != 0 ? candidates.getRequestedAtMs()
                        : features.getRequestedAtMs())
                .addAllModelVersions(versions)
                .addAllTimings(timings.values())
                .build();
    }

    /** The answer for an image whose candidate generator proposed nothing. */
    static Result noCandidates(Result context, long completedAtMs) {
        return finish(context.toBuilder().setStatus(Result.Status.NO_LANDMARK), 0, completedAtMs);
    }

    /** The answer from every candidate's verdict (any order; duplicates of one candidate index must be removed). */
    static Result fromVerdicts(List<CandidateVerdict> received, DecideFunction decide, long completedAtMs) {
        List<CandidateVerdict> ordered = received.stream()
                .sorted(Comparator.comparingInt(CandidateVerdict::candidateIndex)).toList();
        Result.Builder result = ordered.get(0).context().toBuilder();
        double verifyMillis = ordered.stream().mapToDouble(CandidateVerdict::verifyMillis).sum();
        List<CandidateVerdict> failed = ordered.stream().filter(CandidateVerdict::failed).toList();
        if (!failed.isEmpty()) {
            return finish(failedResult(result, failed.stream()
                    .map(v -> "verification of landmark " + v.verdict().landmarkId() + " failed: " + v.error())
                    .collect(Collectors.joining("; "))), verifyMillis, completedAtMs);
        }
        List<Verdict> verdicts = new ArrayList<>(ordered.size());
        ordered.forEach(v -> verdicts.add(v.verdict()));
        Decision decision;
        try {
            decision = decide.decide(List.copyOf(verdicts));
        } catch (RuntimeException e) {
            return finish(failedResult(result, "decision failed: " + e), verifyMillis, completedAtMs);
        }
        if (decision == null || decision.status() == null) {
            return finish(failedResult(result, "decision returned no status"), verifyMillis, completedAtMs);
        }
        result.setStatus(decision.status());
        if (decision.status() == Result.Status.RECOGNIZED) {
            result.setLandmarkId(nullToEmpty(decision.landmarkId()))
                    .setScore(decision.score())
                    .setInliers(decision.inliers())
                    .setReferenceImageId(nullToEmpty(decision.referenceImageId()));
        } else if (decision.status() == Result.Status.NO_LANDMARK && decision.landmarkId() != null
                && !decision.landmarkId().isEmpty()) {
            result.setUnverifiedLandmarkId(decision.landmarkId())
                    .setUnverifiedScore(decision.score())
                    .setInliers(decision.inliers())
                    .setReferenceImageId(nullToEmpty(decision.referenceImageId()));
        }
        return finish(result, verifyMillis, completedAtMs);
    }

    private static Result.Builder failedResult(Result.Builder result, String detail) {
        return result.setStatus(Result.Status.FAILED)
                .setFailureReason(FailureReason.PROCESSING_ERROR)
                .setFailureDetail(detail);
    }

    private static Result finish(Result.Builder result, double verifyMillis, long completedAtMs) {
        return result.addTimings(StageTiming.newBuilder().setStage(VERIFY_STAGE).setMillis(verifyMillis))
                .setCompletedAtMs(completedAtMs)
                .build();
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
