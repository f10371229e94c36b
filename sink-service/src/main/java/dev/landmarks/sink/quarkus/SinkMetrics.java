package dev.landmarks.sink.quarkus;

import dev.landmarks.proto.Result;
import dev.landmarks.sink.SubmissionFollower;
import dev.landmarks.sink.SubmissionSink;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The sink's Prometheus meters (all tagged {@code service}), read from the sink and its loop when scraped, so the
 * plain code keeps no metrics of its own: first results by status ({@code landmarks_sink_results_total{status}}),
 * duplicates ignored, unreadable records skipped, file writes, and the time of the last write in seconds since the
 * epoch (NaN before the first). Names are listed in docs/sink.md.
 */
final class SinkMetrics {
    private SinkMetrics() {
    }

    static void register(MeterRegistry registry, String serviceName, SubmissionSink sink, SubmissionFollower follower) {
        Tags service = Tags.of("service", serviceName);
        for (Result.Status status : Result.Status.values()) {
            if (status == Result.Status.UNRECOGNIZED) {
                continue;
            }
            FunctionCounter.builder("landmarks.sink.results", sink, s -> s.summary().count(status))
                    .description("distinct ids by the status of their first result").tags(service)
                    .tag("status", status.name()).register(registry);
        }
        FunctionCounter.builder("landmarks.sink.duplicates", sink, s -> s.summary().duplicates())
                .description("results for an id that already had one (ignored: the first stands)").tags(service)
                .register(registry);
        FunctionCounter.builder("landmarks.sink.unreadable", follower, SubmissionFollower::unreadable)
                .description("records on landmark.results that were no readable Result (skipped)").tags(service)
                .register(registry);
        FunctionCounter.builder("landmarks.sink.file.writes", follower, SubmissionFollower::writes)
                .description("times the submission file was written").tags(service).register(registry);
        Gauge.builder("landmarks.sink.last.write", follower,
                        f -> f.lastWrite().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN))
                .description("when the submission file was last written, seconds since the epoch").baseUnit("seconds")
                .tags(service).register(registry);
    }
}
