package dev.landmarks.classifier.quarkus;

import dev.landmarks.classifier.ClassifierMain;
import dev.landmarks.classifier.serve.ServeConfig;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier service as a Quarkus application: a thin shell over the plain code. At start it builds, from
 * {@link Settings} (LANDMARKS_* environment, plus every {@code landmarks.*} property of Quarkus' configuration), the
 * same generator as {@code ClassifierMain} ({@link ClassifierMain#stage}: retrieval over the index read from
 * landmark.references, or a CNN) and runs it in a {@link TransactionalBatchLoop}, reporting each batch to
 * {@link BatchMetrics}. Building happens on a thread of its own, because reading a large index or loading a model
 * takes a while: meanwhile HTTP answers, liveness is UP and readiness DOWN ("loading"). At shutdown the loop finishes
 * and commits the batch in hand, then the model is released. A build or a loop that fails ends the process with
 * status 1, as the plain main does, so a supervisor restarts it.
 */
@ApplicationScoped
public class ClassifierShell {
    static final String SERVICE = "classifier";
    /** Quarkus properties under this prefix are settings keys: landmarks.classifier.model-dir is classifier.model-dir. */
    static final String PREFIX = "landmarks.";
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierShell.class);

    /** Where the shell is: loading the generator, running the loop, or stopped (by an error or a shutdown). */
    enum Phase { LOADING, RUNNING, STOPPED }

    private final Settings settings;
    private final ServeConfig serve;
    private final MeterRegistry registry;
    private ClassifierMain.Stage stage;
    private TransactionalBatchLoop loop;
    private Phase phase = Phase.LOADING;
    private Throwable failure;

    public ClassifierShell(Config config, MeterRegistry registry) {
        this.settings = settings(config);
        this.serve = ServeConfig.from(settings);
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Thread loader = new Thread(this::load, "classifier-load");
        // A shutdown during a long index read must not wait for it: the loop it would build is then closed unused.
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        try {
            ClassifierMain.Stage built = ClassifierMain.stage(settings, serve);
            TransactionalBatchLoop created = new TransactionalBatchLoop(serve.loopConfig(built.inputTopic()),
                    built.handler(), new ExitOnFailure(new BatchMetrics(registry, SERVICE, built.inputTopic(),
                    this::consumerLag)));
            if (!install(built, created)) {
                created.close();
                built.handler().close();
                return;
            }
            LOG.info("classifier ({}) consuming {} with group {}", serve.generator(), built.inputTopic(),
                    serve.groupId());
        } catch (Exception | LinkageError e) {
            synchronized (this) {
                phase = Phase.STOPPED;
                failure = e;
            }
            LOG.error("classifier could not load its generator; exiting so the supervisor restarts it", e);
            Quarkus.asyncExit(1);
        }
    }

    /** Starts the loop unless a shutdown came first; false if it did. */
    private synchronized boolean install(ClassifierMain.Stage built, TransactionalBatchLoop created) {
        if (phase != Phase.LOADING) {
            return false;
        }
        created.start();
        stage = built;
        loop = created;
        phase = Phase.RUNNING;
        return true;
    }

    void onStop(@Observes ShutdownEvent event) {
        TransactionalBatchLoop running;
        ClassifierMain.Stage built;
        synchronized (this) {
            phase = Phase.STOPPED;
            running = loop;
            built = stage;
        }
        if (running != null) {
            running.close();
        }
        if (built != null) {
            built.handler().close();
        }
    }

    synchronized Phase phase() {
        return phase;
    }

    /** The loop, null while loading. */
    synchronized TransactionalBatchLoop loop() {
        return loop;
    }

    /** Why loading failed, or null. */
    synchronized Throwable loadFailure() {
        return failure;
    }

    ServeConfig.GeneratorKind generator() {
        return serve.generator();
    }

    String bootstrapServers() {
        return serve.bootstrapServers();
    }

    /** Every topic the service reads or writes (the index included for retrieval): readiness waits for them. */
    List<String> topics() {
        List<String> topics = new ArrayList<>();
        if (serve.generator() == ServeConfig.GeneratorKind.RETRIEVAL) {
            topics.add(Topics.FEATURES.name());
            topics.add(Topics.REFERENCES.name());
        } else {
            topics.add(Topics.IMAGES.name());
        }
        topics.addAll(List.of(Topics.PREDICTIONS.name(), Topics.RESULTS.name(), Topics.DEAD_LETTERS.name()));
        return topics;
    }

    private double consumerLag() {
        TransactionalBatchLoop current = loop();
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
                LOG.error("classifier loop stopped on an error; exiting so the supervisor restarts it", failure);
                Quarkus.asyncExit(1);
            }
        }
    }
}
