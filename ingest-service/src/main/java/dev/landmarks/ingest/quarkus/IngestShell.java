package dev.landmarks.ingest.quarkus;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestConfig;
import dev.landmarks.ingest.IngestProcessor;
import dev.landmarks.ingest.ServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest service as a Quarkus application: a thin shell over the plain code. At start it builds, from
 * {@link Settings} (LANDMARKS_* environment, plus every {@code landmarks.*} property of Quarkus' configuration), the
 * same {@link IngestProcessor} as {@code IngestMain} and runs it in a {@link TransactionalBatchLoop} over
 * landmark.requests, reporting each batch to {@link BatchMetrics}. At shutdown the loop finishes and commits the
 * batch in hand. A loop that stops on an error ends the process with status 1, as the plain main does, so a
 * supervisor restarts it. Topics are not created here: the compose "topics" step does that, readiness waits for them.
 */
@ApplicationScoped
public class IngestShell {
    static final String SERVICE = "ingest";
    /** Quarkus properties under this prefix are settings keys: landmarks.fetch.max-bytes is fetch.max-bytes. */
    static final String PREFIX = "landmarks.";
    private static final Logger LOG = LoggerFactory.getLogger(IngestShell.class);

    private final Settings settings;
    private final ServiceConfig service;
    private final MeterRegistry registry;
    private volatile TransactionalBatchLoop loop;
    private ImageIngestor ingestor;

    public IngestShell(Config config, MeterRegistry registry) {
        this.settings = settings(config);
        this.service = ServiceConfig.from(settings);
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        ingestor = new ImageIngestor(IngestConfig.from(settings));
        TransactionalBatchLoop started = new TransactionalBatchLoop(service.loopConfig(),
                new IngestProcessor(ingestor), new ExitOnFailure(new BatchMetrics(registry, SERVICE,
                        Topics.REQUESTS.name(), this::consumerLag)));
        started.start();
        loop = started;
        LOG.info("ingest consuming {} from {} (group {})", Topics.REQUESTS.name(), service.bootstrapServers(),
                service.groupId());
    }

    void onStop(@Observes ShutdownEvent event) {
        TransactionalBatchLoop running = loop;
        if (running != null) {
            running.close();
        }
        if (ingestor != null) {
            ingestor.close();
        }
    }

    /** The loop, null before start. */
    TransactionalBatchLoop loop() {
        return loop;
    }

    String bootstrapServers() {
        return service.bootstrapServers();
    }

    /** Every topic the loop reads or writes: readiness waits until they exist. */
    List<String> topics() {
        return List.of(Topics.REQUESTS.name(), Topics.IMAGES.name(), Topics.RESULTS.name(),
                Topics.DEAD_LETTERS.name());
    }

    private double consumerLag() {
        TransactionalBatchLoop current = loop;
        return current == null ? Double.NaN : current.recordsLagMax();
    }

    static Settings settings(Config config) {
        Map<String, String> values = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(v -> values.put(name.substring(PREFIX.length()), v));
            }
        }
        return Settings.fromEnvironment().with(values);
    }

    /** Passes batches on to the metrics; ends the process when the loop dies of an error. */
    private record ExitOnFailure(BatchMetrics metrics) implements TransactionalBatchLoop.Observer {
        @Override
        public void committed(List<ConsumerRecord<byte[], byte[]>> batch, List<ProducerRecord<byte[], byte[]>> outputs,
                              Duration handling) {
            metrics.committed(batch, outputs, handling);
        }

        @Override
        public void stopped(Throwable failure) {
            if (failure != null) {
                LOG.error("ingest loop stopped on an error; exiting so the supervisor restarts it", failure);
                Quarkus.asyncExit(1);
            }
        }
    }
}
