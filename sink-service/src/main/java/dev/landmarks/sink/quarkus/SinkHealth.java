package dev.landmarks.sink.quarkus;

import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.service.TopicsProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Health of the sink shell on /q/health. Liveness "sink loop": UP unless the loop died (with its error). Readiness
 * "sink topic, folder and loop": UP only when the loop runs, the broker lists landmark.results within
 * {@code landmarks.health.timeout}, and the submission file's folder (or, before it is created, its nearest existing
 * parent) is a writable directory; DOWN says which of {@code loop}, {@code broker}, {@code missing topics} or
 * {@code folder} is wrong.
 */
@ApplicationScoped
public class SinkHealth {
    private static final List<String> TOPICS = List.of(Topics.RESULTS.name());

    private final SinkShell shell;
    private final TopicsProbe probe;

    public SinkHealth(SinkShell shell) {
        this.shell = shell;
        this.probe = new TopicsProbe(shell.config().bootstrapServers(), shell.healthConfig().brokerTimeout());
    }

    @Produces
    @Liveness
    HealthCheck loopAlive() {
        return () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            Throwable failure = shell.failure();
            if (failure != null) {
                data.put("error", failure.toString());
            }
            return response("sink loop", failure == null, data);
        };
    }

    @Produces
    @Readiness
    HealthCheck topicFolderAndLoop() {
        return () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            Path out = shell.config().out().toAbsolutePath();
            data.put("out", out.toString());
            if (!shell.running()) {
                data.put("loop", shell.failure() == null ? "not running" : "failed");
                return response("sink topic, folder and loop", false, data);
            }
            boolean folder = writableFolder(out.getParent());
            if (!folder) {
                data.put("folder", "not writable: " + out.getParent());
            }
            TopicsProbe.Outcome outcome = probe.check(TOPICS);
            if (outcome.brokerError() != null) {
                data.put("broker", outcome.brokerError());
            } else if (!outcome.missing().isEmpty()) {
                data.put("missing topics", String.join(",", outcome.missing()));
            }
            return response("sink topic, folder and loop", folder && outcome.allPresent(), data);
        };
    }

    /** The folder is a writable directory, or does not exist yet and its nearest existing parent is one. */
    static boolean writableFolder(Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && Files.isDirectory(p) && Files.isWritable(p);
    }

    private static HealthCheckResponse response(String name, boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
