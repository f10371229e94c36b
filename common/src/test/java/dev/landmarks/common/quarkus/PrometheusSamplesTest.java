package dev.landmarks.common.quarkus;

import dev.landmarks.common.quarkus.testing.PrometheusSamples;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The metric reader the shells' @QuarkusTests share, on lines as Quarkus' Prometheus registry writes them. */
class PrometheusSamplesTest {
    private static final String SCRAPE = String.join("\n",
            "# HELP landmarks_batch_records_in_total records consumed and committed",
            "# TYPE landmarks_batch_records_in_total counter",
            "landmarks_batch_records_in_total{service=\"delf\",topic=\"landmark.images\"} 3.0",
            "landmarks_batch_records_in_total{service=\"ingest\",topic=\"landmark.requests\"} 5.0",
            "landmarks_batch_size_records_count{service=\"delf\"} 2.0",
            "landmarks_batch_size_records_sum{service=\"delf\"} 3.0",
            "landmarks_batch_handling_seconds_bucket{service=\"delf\",le=\"+Inf\"} 2",
            "landmarks_batch_consumer_lag_records{service=\"delf\"} NaN",
            "");

    private final PrometheusSamples delf = new PrometheusSamples(SCRAPE, "delf");

    @Test
    void findsTheSampleWithTheNameTheServiceAndAllLabels() {
        assertEquals(OptionalDouble.of(3.0), delf.value("landmarks_batch_records_in_total",
                Map.of("topic", "landmark.images")));
        assertEquals(OptionalDouble.of(5.0), new PrometheusSamples(SCRAPE, "ingest")
                .value("landmarks_batch_records_in_total", Map.of()));
        assertEquals(OptionalDouble.empty(), delf.value("landmarks_batch_records_in_total",
                Map.of("topic", "landmark.requests")), "that series belongs to another service");
        assertEquals(3.0, delf.require("landmarks_batch_size_records_sum", Map.of()), "not the _count line");
        assertEquals(2.0, delf.require("landmarks_batch_handling_seconds_bucket", Map.of("le", "+Inf")));
        assertEquals(Double.NaN, delf.require("landmarks_batch_consumer_lag_records", Map.of()));
    }

    @Test
    void aRequiredSampleThatIsMissingFailsTheTest() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> delf.require("landmarks_batch_failures_total", Map.of("reason", "NOT_FOUND")));
        assertEquals(true, e.getMessage().contains("landmarks_batch_failures_total"), e.getMessage());
    }
}
