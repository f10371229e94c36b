package dev.landmarks.common.quarkus;

import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one committed batch turns into, read back from a real Micrometer registry. */
class BatchMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsRecordsInAndOutFailuresByReasonAndDeadLetters() {
        BatchMetrics metrics = new BatchMetrics(registry, "delf", Topics.IMAGES.name(), () -> 7.0);
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(input(0), input(1), input(2), input(3));
        List<ProducerRecord<byte[], byte[]>> outputs = List.of(
                new ProducerRecord<>(Topics.FEATURES.name(), new byte[] {1}),
                result(Result.Status.FAILED, FailureReason.PROCESSING_ERROR),
                result(Result.Status.FAILED, FailureReason.PROCESSING_ERROR),
                // a RECOGNIZED result is an output, not a failure
                result(Result.Status.RECOGNIZED, FailureReason.FAILURE_REASON_UNSPECIFIED),
                new ProducerRecord<>(Topics.DEAD_LETTERS.name(), new byte[] {9}));

        metrics.committed(batch, outputs, Duration.ofMillis(40));
        metrics.committed(batch.subList(0, 1), List.of(), Duration.ofMillis(10));

        assertEquals(5.0, counter("landmarks.batch.records.in", "topic", Topics.IMAGES.name()));
        assertEquals(1.0, counter("landmarks.batch.records.out", "topic", Topics.FEATURES.name()));
        assertEquals(3.0, counter("landmarks.batch.records.out", "topic", Topics.RESULTS.name()));
        assertEquals(1.0, counter("landmarks.batch.records.out", "topic", Topics.DEAD_LETTERS.name()));
        assertEquals(2.0, counter("landmarks.batch.failures", "reason", "PROCESSING_ERROR"));
        assertNull(registry.find("landmarks.batch.failures").tag("reason", "FAILURE_REASON_UNSPECIFIED").counter());
        assertEquals(1.0, registry.get("landmarks.batch.dead.letters").tag("service", "delf").counter().count());
        assertEquals(2, registry.get("landmarks.batch.handling").timer().count());
        assertEquals(50.0, registry.get("landmarks.batch.handling").timer().totalTime(TimeUnit.MILLISECONDS), 1e-9);
        assertEquals(5.0, registry.get("landmarks.batch.size").summary().totalAmount());
        assertEquals(7.0, registry.get("landmarks.batch.consumer.lag").tag("service", "delf").gauge().value());
    }

    @Test
    void everyMeterCarriesTheServiceLabel() {
        new BatchMetrics(registry, "ingest", Topics.REQUESTS.name(), () -> Double.NaN)
                .committed(List.of(input(0)), List.of(result(Result.Status.FAILED, FailureReason.NOT_FOUND)),
                        Duration.ofMillis(1));
        assertTrue(registry.getMeters().size() >= 6, registry.getMeters().toString());
        registry.getMeters().forEach(m -> assertEquals("ingest", m.getId().getTag("service"), m.getId().toString()));
        assertTrue(Double.isNaN(registry.get("landmarks.batch.consumer.lag").gauge().value()));
    }

    private double counter(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private static ConsumerRecord<byte[], byte[]> input(long offset) {
        return new ConsumerRecord<>(Topics.IMAGES.name(), 0, offset, new byte[] {1}, new byte[] {2});
    }

    private static ProducerRecord<byte[], byte[]> result(Result.Status status, FailureReason reason) {
        Result r = Result.newBuilder().setImageId("x").setStatus(status).setFailureReason(reason).build();
        return new ProducerRecord<>(Topics.RESULTS.name(), r.toByteArray());
    }
}
