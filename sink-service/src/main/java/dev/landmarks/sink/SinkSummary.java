package dev.landmarks.sink;

import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a {@link SubmissionSink} has received so far.
 *
 * @param ids        distinct request ids with a result
 * @param duplicates results for an id that already had one (ignored: the first result stands)
 * @param byStatus   first results by status
 * @param failures   FAILED first results by reason
 * @param unusable   RECOGNIZED results without a usable landmark id or score, written as "no answer"
 */
public record SinkSummary(int ids, int duplicates, Map<Result.Status, Integer> byStatus,
                          Map<FailureReason, Integer> failures, int unusable) {
    public SinkSummary {
        byStatus = Map.copyOf(byStatus);
        failures = Map.copyOf(failures);
    }

    public int count(Result.Status status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** One line for people: "80 results: 41 RECOGNIZED, 35 NO_LANDMARK, 4 FAILED (NOT_FOUND 3, TIMEOUT 1); 2 duplicates ignored". */
    public String describe() {
        StringBuilder s = new StringBuilder().append(ids).append(" results: ")
                .append(count(Result.Status.RECOGNIZED)).append(" RECOGNIZED, ")
                .append(count(Result.Status.NO_LANDMARK)).append(" NO_LANDMARK, ")
                .append(count(Result.Status.FAILED)).append(" FAILED");
        if (!failures.isEmpty()) {
            s.append(failures.entrySet().stream()
                    .sorted(Map.Entry.<FailureReason, Integer>comparingByValue().reversed()
                            .thenComparing(e -> e.getKey().name()))
                    .map(e -> e.getKey().name() + " " + e.getValue())
                    .collect(Collectors.joining(", ", " (", ")")));
        }
        int other = ids - count(Result.Status.RECOGNIZED) - count(Result.Status.NO_LANDMARK) - count(Result.Status.FAILED);
        if (other > 0) {
            s.append(", ").append(other).append(" without status");
        }
        if (unusable > 0) {
            s.append("; ").append(unusable).append(" RECOGNIZED without a usable landmark or score (written empty)");
        }
        s.append("; ").append(duplicates).append(" duplicate").append(duplicates == 1 ? "" : "s").append(" ignored");
        return s.toString();
    }
}
