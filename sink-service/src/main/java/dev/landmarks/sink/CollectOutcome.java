package dev.landmarks.sink;

import java.time.Duration;
import java.util.List;

/**
 * How a collection ended.
 *
 * @param complete   every expected id has a result (without an expected list: the end of the topic was reached)
 * @param missing    expected ids still without a result, in expected order
 * @param unexpected distinct ids with a result that were not expected (left out of the submission)
 * @param records    records read from the topic
 * @param unreadable records that were not a readable Result (skipped)
 * @param elapsed    wall time of the collection
 */
public record CollectOutcome(boolean complete, List<String> missing, int unexpected, long records, int unreadable,
                             Duration elapsed) {
    public CollectOutcome {
        missing = List.copyOf(missing);
    }
}
