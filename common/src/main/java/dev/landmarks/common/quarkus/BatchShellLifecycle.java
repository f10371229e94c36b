package dev.landmarks.common.quarkus;

import dev.landmarks.common.kafka.TransactionalBatchLoop;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The lifecycle of a batch service's Quarkus shell, which the shell's {@code @ApplicationScoped} bean delegates to
 * from its StartupEvent and ShutdownEvent observers. Start: build the {@link BatchStage} (on the caller's thread, or
 * on a thread of its own when building takes long, e.g. reading a reference index), run it in a
 * {@link TransactionalBatchLoop} that reports each committed batch to {@link BatchMetrics}. Stop: the loop finishes
 * and commits the batch in hand, then the stage's resources are released. A loop that dies of an error, or a stage
 * that cannot be built in the background, ends the process with status 1 (as the plain mains do), so a supervisor
 * restarts it. Health checks read {@link #phase()}, {@link #loop()} and {@link #failure()}.
 */
public final class BatchShellLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(BatchShellLifecycle.class);
    /** The process' exit status after a failure: anything but 0 makes compose's on-failure policy restart it. */
    static final int FAILURE_STATUS = 1;

    /** Where the shell is: building its stage, running the loop, or stopped (by an error or a shutdown). */
    public enum Phase { LOADING, RUNNING, STOPPED }

    /** Builds the stage: loads models, opens clients. Anything it throws is a failed start. */
    @FunctionalInterface
    public interface StageFactory {
        BatchStage build() throws Exception;
    }

    private final String service;
    private final MeterRegistry registry;
    private final IntConsumer exit;
    private Phase phase = Phase.LOADING;
    private BatchStage stage;
    private TransactionalBatchLoop loop;
    private Throwable buildFailure;

    /**
     * @param service  the service's name: the metrics' {@code service} label and the start of log lines
     * @param registry where the batch metrics go
     * @param exit     ends the process with the given status (in a shell: {@code Quarkus::asyncExit})
     */
    public BatchShellLifecycle(String service, MeterRegistry registry, IntConsumer exit) {
        this.service = service;
        this.registry = registry;
        this.exit = exit;
    }

    /** Builds the stage and starts the loop on the caller's thread; a failure propagates (Quarkus does not start). */
    public void start(StageFactory factory) throws Exception {
        try {
            BatchStage built = factory.build();
            install(built);
        } catch (Exception | LinkageError e) {
            failed(e);
            throw e;
        }
    }

    /**
     * Builds the stage on a daemon thread of its own and then starts the loop, so HTTP answers meanwhile (liveness UP,
     * readiness DOWN). A shutdown during a long build does not wait for it: the loop it would build is then closed
     * unused. A build that fails ends the process with status 1.
     */
    public void startInBackground(StageFactory factory) {
        Thread builder = new Thread(() -> {
            try {
                install(factory.build());
            } catch (Exception | LinkageError e) {
                failed(e);
                LOG.error("{} could not build its handler; exiting so the supervisor restarts it", service, e);
                exit.accept(FAILURE_STATUS);
            }
        }, service + "-load");
        builder.setDaemon(true);
        builder.start();
    }

    private void install(BatchStage built) throws Exception {
        TransactionalBatchLoop created = new TransactionalBatchLoop(built.loop(), built.handler(),
                new ExitOnFailure(new BatchMetrics(registry, service, built.loop().inputTopic(), this::consumerLag)));
        // Started outside the lock: starting waits for the broker (transactions), and health checks must not.
        if (phase() == Phase.LOADING) {
            try {
                created.start();
            } catch (RuntimeException e) {
                created.close();
                built.resources().close();
                throw e;
            }
            synchronized (this) {
                if (phase == Phase.LOADING) {
                    stage = built;
                    loop = created;
                    phase = Phase.RUNNING;
                    LOG.info("{} consuming {} with group {}", service, built.loop().inputTopic(),
                            built.loop().groupId());
                    return;
                }
            }
        }
        // A shutdown came first: this loop never handles a batch.
        created.close();
        built.resources().close();
    }

    private synchronized void failed(Throwable e) {
        phase = Phase.STOPPED;
        buildFailure = e;
    }

    /** Finishes and commits the batch in hand, stops the loop, then releases the stage's resources. */
    public void stop() {
        TransactionalBatchLoop running;
        BatchStage built;
        synchronized (this) {
            phase = Phase.STOPPED;
            running = loop;
            built = stage;
        }
        if (running != null) {
            running.close();
        }
        if (built != null) {
            try {
                built.resources().close();
            } catch (Exception e) {
                LOG.warn("{}: releasing its resources failed: {}", service, e.toString());
            }
        }
    }

    public String service() {
        return service;
    }

    public synchronized Phase phase() {
        return phase;
    }

    /** The loop, null until the stage is built. */
    public synchronized TransactionalBatchLoop loop() {
        return loop;
    }

    /** Why building the stage failed, or null (the loop's own error is {@code loop().failure()}). */
    public synchronized Throwable buildFailure() {
        return buildFailure;
    }

    private double consumerLag() {
        TransactionalBatchLoop current = loop();
        return current == null ? Double.NaN : current.recordsLagMax();
    }

    /** Passes batches on to the metrics; ends the process when the loop dies of an error. */
    private final class ExitOnFailure implements TransactionalBatchLoop.Observer {
        private final BatchMetrics metrics;

        ExitOnFailure(BatchMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void committed(List<ConsumerRecord<byte[], byte[]>> batch, List<ProducerRecord<byte[], byte[]>> outputs,
                              Duration handling) {
            metrics.committed(batch, outputs, handling);
        }

        @Override
        public void stopped(Throwable failure) {
            if (failure != null) {
                LOG.error("{} loop stopped on an error; exiting so the supervisor restarts it", service, failure);
                exit.accept(FAILURE_STATUS);
            }
        }
    }
}
