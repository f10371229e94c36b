package dev.landmarks.common.quarkus.testing;

import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every batch shell's @QuarkusTest sends, and what it must then find on the topics and in the metrics: three
 * records, in one or more batches, of which one is answered on the service's output topic, one becomes a FAILED
 * result and one, unreadable, a dead letter.
 */
public final class BatchOutcomes {
    /** One answered, one FAILED, one dead letter. */
    public static final int RECORDS = 3;

    /**
     * The committed output of the three records: exactly one on each topic.
     *
     * @param answer     the record on the service's output topic
     * @param failed     the one Result, checked to be FAILED
     * @param deadLetter the record on landmark.dlq
     */
    public record Published(ConsumerRecord<byte[], byte[]> answer, Result failed,
                            ConsumerRecord<byte[], byte[]> deadLetter) {
    }

    private BatchOutcomes() {
    }

    /** Reads what the three records became: one committed record on each of the three topics, no more. */
    public static Published read(RawKafka kafka, String outputTopic) throws Exception {
        ConsumerRecord<byte[], byte[]> answer = kafka.readOne(outputTopic);
        Result failed = Result.parseFrom(kafka.readOne(Topics.RESULTS.name()).value());
        assertEquals(Result.Status.FAILED, failed.getStatus(), failed.toString());
        return new Published(answer, failed, kafka.readOne(Topics.DEAD_LETTERS.name()));
    }

    /**
     * Waits until /q/metrics counts all {@link #RECORDS} in (metrics follow the commit), then checks the batch metrics
     * of one answered record, one FAILED with {@code failureReason} and one dead letter; returns that scrape.
     */
    public static PrometheusSamples assertCounted(ShellClient app, String inputTopic, String outputTopic,
                                                  String failureReason) throws Exception {
        PrometheusSamples samples = app.awaitMetrics(m -> m.value("landmarks_batch_records_in_total",
                Map.of("topic", inputTopic)).orElse(0) == RECORDS);
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
        return samples;
    }
}
