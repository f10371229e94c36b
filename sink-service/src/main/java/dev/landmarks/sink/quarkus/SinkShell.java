package dev.landmarks.sink.quarkus;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.quarkus.QuarkusSettings;
import dev.landmarks.common.quarkus.ShellHealthConfig;
import dev.landmarks.sink.SinkMain;
import dev.landmarks.sink.SubmissionFollower;
import dev.landmarks.sink.SubmissionSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/**
 * The CSV sink as a Quarkus application: a thin shell over the plain code. From {@link QuarkusSettings} (every
 * {@code landmarks.*} property, then the LANDMARKS_* environment) it builds the same {@link SinkMain.Config} and
 * {@link SubmissionSink} as {@code SinkMain}, and runs the same {@link SubmissionFollower} on a thread of its own
 * from StartupEvent. ShutdownEvent stops it and waits until it has written the file a last time. A loop that dies
 * (broker gone for good, output folder not writable) ends the process with status 1, as SinkMain would, so a
 * supervisor restarts it. Health: {@link SinkHealth}; metrics: {@link SinkMetrics}.
 */
@ApplicationScoped
public class SinkShell {
    static final String SERVICE = "sink";
    private static final Logger LOG = LoggerFactory.getLogger(SinkShell.class);
    /** The process' exit status after a failure: anything but 0 makes compose's on-failure policy restart it. */
    private static final int FAILURE_STATUS = 1;

    private final Settings settings;
    private final SinkMain.Config config;
    private final SubmissionSink sink;
    private final SubmissionFollower follower;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread loop;
    private volatile Throwable failure;

    public SinkShell(Config quarkusConfig, MeterRegistry registry) {
        this.settings = QuarkusSettings.from(quarkusConfig);
        this.config = SinkMain.Config.from(settings);
        this.sink = SubmissionSink.from(settings);
        this.follower = new SubmissionFollower(config, sink);
        SinkMetrics.register(registry, SERVICE, sink, follower);
    }

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::follow, "sink-follower");
        synchronized (this) {
            loop = t;
        }
        t.start();
    }

    private void follow() {
        try {
            follower.run(stop);
            LOG.info("sink stopped: {}", sink.summary().describe());
        } catch (Exception | LinkageError e) {
            failure = e;
            LOG.error("sink loop stopped on an error; exiting so the supervisor restarts it", e);
            Quarkus.asyncExit(FAILURE_STATUS);
        }
    }

    /** Lets the loop notice the stop (within the poll timeout) and waits for its last write of the file. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop.countDown();
        Thread running;
        synchronized (this) {
            running = loop;
        }
        if (running != null && running != Thread.currentThread()) {
            running.join();
        }
    }

    /** True while the loop's thread runs (not before start, not after a stop or a failure). */
    synchronized boolean running() {
        return loop != null && loop.isAlive() && stop.getCount() > 0;
    }

    /** Why the loop died, or null. */
    Throwable failure() {
        return failure;
    }

    SinkMain.Config config() {
        return config;
    }

    ShellHealthConfig healthConfig() {
        return ShellHealthConfig.from(settings);
    }
}
