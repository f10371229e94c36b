package dev.landmarks.it.crash;

import dev.landmarks.common.config.Settings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's real {@code main} in a JVM of its own, configured the way a container configures it (environment
 * variables {@code LANDMARKS_...}), so it can be killed for real: {@link #kill()} is SIGKILL, no shutdown hook, no
 * abort, no leave-group; {@link #stop()} is SIGTERM, the service's graceful shutdown. Output goes to a log file.
 */
final class ServiceProcess implements AutoCloseable {
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    private final Process process;

    private ServiceProcess(Process process) {
        this.process = process;
    }

    static ServiceProcess start(Class<?> mainClass, Map<String, String> settings, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire runs tests from a manifest-only jar; the real class path is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", classPath, mainClass.getName()));
        settings.forEach((key, value) -> builder.environment().put(Settings.environmentName(key), value));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServiceProcess(builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as the kernel's OOM killer or {@code docker kill}; waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM, as {@code docker stop}; returns the exit status (143 after the shutdown hooks ran), or -1 if it did not exit in time. */
    int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
