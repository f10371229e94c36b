package dev.landmarks.sink;

import dev.landmarks.sink.submission.Prediction;
import dev.landmarks.common.config.Settings;
import dev.landmarks.sink.submission.SubmissionCsv;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns pipeline results into a Kaggle submission. Input: {@link Result}s in any order, possibly repeated (a retried
 * request, a re-delivered record); the first result for an id is kept and later ones are counted as duplicates,
 * so the file has exactly one row per id. RECOGNIZED becomes "landmark score". NO_LANDMARK becomes the unverified
 * candidate it names, with its score below every verified one, unless unverified answers are left out (then, like
 * FAILED, an empty value). Listing them costs nothing in GAP: a prediction ranked below every other one cannot lower
 * the precision of those above it, and each correct one adds. Thread-safe: a consumer thread may accept while
 * another thread writes or asks for progress.
 */
public final class SubmissionSink {
    /** Setting key: whether NO_LANDMARK results' unverified candidates go into the submission. */
    public static final String INCLUDE_UNVERIFIED = "submission.include-unverified";

    private final Map<String, Result> first = new LinkedHashMap<>();
    private final Map<String, Prediction> predictions = new HashMap<>();
    private int duplicates;
    private int unusable;
    private final boolean includeUnverified;

    /** A sink that lists NO_LANDMARK results' unverified candidates (setting {@value #INCLUDE_UNVERIFIED}, default on). */
    public SubmissionSink() {
        this(true);
    }

    /** @param includeUnverified write the unverified candidate of a NO_LANDMARK result instead of an empty value */
    public SubmissionSink(boolean includeUnverified) {
        this.includeUnverified = includeUnverified;
    }

    public static SubmissionSink from(Settings settings) {
        return new SubmissionSink(settings.flag(INCLUDE_UNVERIFIED, true));
    }

    /** Accepts a result under its own image id. */
    public boolean accept(Result result) {
        return accept(result.getImageId(), result);
    }

    /**
     * Accepts a result under {@code id} (the record key, for results whose image_id was left empty).
     *
     * @return true when this is the first result for the id, false for a duplicate (ignored)
     */
    public synchronized boolean accept(String id, Result result) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a result needs an image id");
        }
        if (first.containsKey(id)) {
            duplicates++;
            return false;
        }
        first.put(id, result);
        if (result.getStatus() == Result.Status.RECOGNIZED) {
            Optional<Prediction> p = prediction(id, result);
            p.ifPresent(value -> predictions.put(id, value));
            if (p.isEmpty()) {
                unusable++;
            }
        } else if (includeUnverified && result.getStatus() == Result.Status.NO_LANDMARK
                && !result.getUnverifiedLandmarkId().isEmpty()) {
            prediction(id, result.getUnverifiedLandmarkId(), result.getUnverifiedScore())
                    .ifPresent(value -> predictions.put(id, value));
        }
        return true;
    }

    private static Optional<Prediction> prediction(String id, Result r) {
        return prediction(id, r.getLandmarkId(), r.getScore());
    }

    private static Optional<Prediction> prediction(String id, String landmarkId, float score) {
        try {
            return Optional.of(new Prediction(id, landmarkId, score));
        } catch (IllegalArgumentException e) {
            // an empty or spaced landmark id, or a NaN score, cannot be written as "landmark score"
            return Optional.empty();
        }
    }

    public synchronized boolean has(String id) {
        return first.containsKey(id);
    }

    /** Distinct ids with a result. */
    public synchronized int size() {
        return first.size();
    }

    /** The ids of {@code expected} that have no result yet, in the given order. */
    public synchronized List<String> missing(List<String> expected) {
        List<String> missing = new ArrayList<>();
        for (String id : expected) {
            if (!first.containsKey(id)) {
                missing.add(id);
            }
        }
        return missing;
    }

    /** Every id with a result, sorted (the row order when no expected list is given). */
    public synchronized List<String> sortedIds() {
        return List.copyOf(new TreeSet<>(first.keySet()));
    }

    /** The prediction written for an id, empty for no answer or no result. */
    public synchronized Optional<Prediction> prediction(String id) {
        return Optional.ofNullable(predictions.get(id));
    }

    /** The first result received for an id. */
    public synchronized Optional<Result> result(String id) {
        return Optional.ofNullable(first.get(id));
    }

    /**
     * Writes the submission: one row per id of {@code orderedIds}, in that order (an id without a result gets an
     * empty value; ids with a result that are not listed are left out).
     */
    public synchronized void write(Path out, List<String> orderedIds) throws IOException {
        SubmissionCsv.write(out, orderedIds, predictions);
    }

    public synchronized SinkSummary summary() {
        Map<Result.Status, Integer> byStatus = new EnumMap<>(Result.Status.class);
        Map<FailureReason, Integer> failures = new EnumMap<>(FailureReason.class);
        for (Result r : first.values()) {
            byStatus.merge(r.getStatus(), 1, Integer::sum);
            if (r.getStatus() == Result.Status.FAILED) {
                failures.merge(r.getFailureReason(), 1, Integer::sum);
            }
        }
        return new SinkSummary(first.size(), duplicates, byStatus, failures, unusable);
    }
}
