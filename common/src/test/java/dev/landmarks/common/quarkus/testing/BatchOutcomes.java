package dev.landmarks.common.quarkus.testing;

import dev.landmarks.common.kafka.Topics;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every batch shell's @QuarkusTest sends, and what its metrics must then say: three records in one or more
 * batches, of which one is answered on the service's output topic, one becomes a FAILED result and one, unreadable,
 * a dead letter.
 */
public final class BatchOutcomes {
    /** One answered, one FAILED, one dead letter. */
    public static final int RECORDS = 3;

    private BatchOutcomes() {
    }

    /** True once all {@link #RECORDS} are counted in on the input topic: metrics lag the commit a little. */
    public static boolean allCounted(PrometheusSamples samples, String inputTopic) {
        return samples.value("landmarks_batch_records_in_total", Map.of("topic", inputTopic)).orElse(0) == RECORDS;
    }

    /** The batch metrics of one answered record, one FAILED with {@code failureReason} and one dead letter. */
    public static void assertOneOfEach(PrometheusSamples samples, String inputTopic, String outputTopic,
                                       String failureReason) {
        assertEquals(RECORDS, samples.require("landmarks_batch_records_in_total", Map.of("topic", inputTopic)));
        for (String out : new String[] {outputTopic, Topics.RESULTS.name(), Topics.DEAD_LETTERS.name()}) {
            assertEquals(1.0, samples.require("landmarks_batch_records_out_total", Map.of("topic", out)), out);
        }
        assertEquals(1.0, samples.require("landmarks_batch_failures_total", Map.of("reason", failureReason)));
        assertEquals(1.0, samples.require("landmarks_batch_dead_letters_total", Map.of()));
        assertEquals(RECORDS, samples.require("landmarks_batch_size_records_sum", Map.of()));
        double batches = samples.require("landmarks_batch_handling_seconds_count", Map.of());
        assertTrue(batches >= 1 && batches <= RECORDS, "batches: " + batches);
        samples.require("landmarks_batch_handling_seconds_bucket", Map.of("le", "+Inf"));
        samples.require("landmarks_batch_consumer_lag_records", Map.of());
    }
}
