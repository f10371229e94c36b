package dev.landmarks.common.quarkus;

import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.proto.Result;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Turns what the batch loop reports into Prometheus meters (all tagged {@code service}): records in (by input topic)
 * and out (by output topic), FAILED results by failure reason, dead letters, handling time and size per batch
 * (histograms) and the consumer's records-lag-max. Results are read back from the output records, so the handler
 * needs no metrics code of its own. The batch shells (ingest, delf, classifier) get one each from
 * {@link BatchShellLifecycle}; names and labels are in docs/deploy.md.
 */
public final class BatchMetrics implements TransactionalBatchLoop.Observer {
    /** Histogram range of batch handling: 1 ms (below any real batch) to the loop's 5 min transaction timeout. */
    private static final Duration FASTEST_BATCH = Duration.ofMillis(1);
    private static final Duration SLOWEST_BATCH = Duration.ofMinutes(5);
    /** Histogram range of batch sizes: one record up to far more than any configured max-batch. */
    private static final double LARGEST_BATCH = 1024;

    private final MeterRegistry registry;
    private final Tags service;
    private final Counter recordsIn;
    private final Counter deadLetters;
    private final Timer handling;
    private final DistributionSummary batchSize;

    /**
     * @param serviceName the {@code service} label ("ingest", "delf", "classifier")
     * @param inputTopic  the {@code topic} label of records in
     * @param consumerLag read when scraped: the loop's records-lag-max, NaN while there is no loop
     */
    public BatchMetrics(MeterRegistry registry, String serviceName, String inputTopic, DoubleSupplier consumerLag) {
        this.registry = registry;
        this.service = Tags.of("service", serviceName);
        this.recordsIn = Counter.builder("landmarks.batch.records.in").description("records consumed and committed")
                .tags(service).tag("topic", inputTopic).register(registry);
        this.deadLetters = Counter.builder("landmarks.batch.dead.letters")
                .description("unreadable records sent to " + Topics.DEAD_LETTERS.name()).tags(service).register(registry);
        this.handling = Timer.builder("landmarks.batch.handling").description("time in the handler per batch")
                .tags(service).publishPercentileHistogram()
                .minimumExpectedValue(FASTEST_BATCH).maximumExpectedValue(SLOWEST_BATCH).register(registry);
        this.batchSize = DistributionSummary.builder("landmarks.batch.size").description("records per batch")
                .baseUnit("records").tags(service).publishPercentileHistogram()
                .minimumExpectedValue(1.0).maximumExpectedValue(LARGEST_BATCH).register(registry);
        Gauge.builder("landmarks.batch.consumer.lag", consumerLag::getAsDouble)
                .description("the consumer's records-lag-max: records behind the end of its most lagging partition")
                .baseUnit("records").tags(service).register(registry);
    }

    @Override
    public void committed(List<ConsumerRecord<byte[], byte[]>> batch, List<ProducerRecord<byte[], byte[]>> outputs,
                          Duration took) {
        batchSize.record(batch.size());
        handling.record(took);
        for (ProducerRecord<byte[], byte[]> out : outputs) {
            registry.counter("landmarks.batch.records.out", service.and("topic", out.topic())).increment();
            if (out.topic().equals(Topics.DEAD_LETTERS.name())) {
                deadLetters.increment();
            } else if (out.topic().equals(Topics.RESULTS.name())) {
                countFailure(out);
            }
        }
        // Last, so that records in counting a batch means everything else about that batch is counted too.
        recordsIn.increment(batch.size());
    }

    private void countFailure(ProducerRecord<byte[], byte[]> out) {
        Result result = Topics.RESULTS.valueSerde().deserializer().deserialize(out.topic(), out.value());
        if (result != null && result.getStatus() == Result.Status.FAILED) {
            registry.counter("landmarks.batch.failures", service.and("reason", result.getFailureReason().name()))
                    .increment();
        }
    }
}
