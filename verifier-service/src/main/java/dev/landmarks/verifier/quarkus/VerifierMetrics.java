package dev.landmarks.verifier.quarkus;

import dev.landmarks.verifier.decide.Decision;
import dev.landmarks.verifier.streams.DecideFunction;
import dev.landmarks.verifier.streams.VerifyFunction;
import dev.landmarks.verifier.verify.Verdict;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * Prometheus meters for the verifier's own work, added by wrapping the two functions the topology calls (the
 * topology itself stays free of metrics code): time per verification (one query against one candidate landmark's
 * references) with the references compared, and decided results by status. Kafka Streams' own client metrics
 * (records, lag, commit latency) are bound by Quarkus as kafka_stream_*. Names are in docs/deploy.md.
 */
final class VerifierMetrics {
    private final MeterRegistry registry;
    private final Timer verification;
    private final DistributionSummary referencesChecked;

    VerifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.verification = Timer.builder("landmarks.verifier.verification")
                .description("one query verified against the references of one candidate landmark")
                .publishPercentileHistogram().register(registry);
        this.referencesChecked = DistributionSummary.builder("landmarks.verifier.references.checked")
                .description("references compared per verification").baseUnit("references").register(registry);
    }

    /** Times each call (stream threads call it concurrently: meters are thread-safe). */
    VerifyFunction timed(VerifyFunction verify) {
        return (query, landmarkId, candidateScore, references) -> {
            long start = System.nanoTime();
            Verdict verdict = verify.verify(query, landmarkId, candidateScore, references);
            verification.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            referencesChecked.record(verdict.referencesChecked());
            return verdict;
        };
    }

    /** Counts each decided result by its status (RECOGNIZED, NO_LANDMARK). */
    DecideFunction counted(DecideFunction decide) {
        return verdicts -> {
            Decision decision = decide.decide(verdicts);
            registry.counter("landmarks.verifier.decisions", "status", decision.status().name()).increment();
            return decision;
        };
    }
}
