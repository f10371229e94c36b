package dev.landmarks.common.quarkus;

import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.common.service.TopicsProbe;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The liveness and readiness answers of a batch shell, which the module's small health bean hands to
 * SmallRye Health ({@code @Liveness} and {@code @Readiness} producers).
 * <ul>
 * <li>Liveness "{@code <service> batch loop}": UP while the stage is built and while the loop's thread runs; DOWN,
 * with the error, once building or the loop failed (data: {@code phase}, {@code consumed}).</li>
 * <li>Readiness (named by the module): UP only when the loop runs, the broker answers within the timeout and every
 * topic the service reads or writes exists; DOWN says which: {@code loop} not started / stopped, the {@code broker}
 * error, or the {@code missing topics} (data also: {@code phase} and the module's details, e.g. the extractor).</li>
 * </ul>
 */
public final class BatchShellHealth implements AutoCloseable {
    private final BatchShellLifecycle lifecycle;
    private final String readinessName;
    private final List<String> topics;
    private final TopicsProbe probe;
    private final Supplier<Map<String, String>> details;

    /**
     * @param readinessName the readiness check's name, e.g. "ingest topics and loop"
     * @param topics        every topic the service reads or writes
     * @param probe         asks the broker for them (closed with this object)
     * @param details       data the module adds to readiness (null values are left out); {@code Map::of} for none
     */
    public BatchShellHealth(BatchShellLifecycle lifecycle, String readinessName, List<String> topics, TopicsProbe probe,
                            Supplier<Map<String, String>> details) {
        this.lifecycle = lifecycle;
        this.readinessName = readinessName;
        this.topics = List.copyOf(topics);
        this.probe = probe;
        this.details = details;
    }

    /**
     * The health of a shell whose broker is {@code bootstrapServers}, probed as {@code config} says.
     *
     * @see #BatchShellHealth(BatchShellLifecycle, String, List, TopicsProbe, Supplier)
     */
    public static BatchShellHealth of(BatchShellLifecycle lifecycle, String readinessName, List<String> topics,
                                      String bootstrapServers, ShellHealthConfig config,
                                      Supplier<Map<String, String>> details) {
        return new BatchShellHealth(lifecycle, readinessName, topics,
                new TopicsProbe(bootstrapServers, config.brokerTimeout()), details);
    }

    public HealthCheckResponse liveness() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phase", lifecycle.phase().name());
        String name = lifecycle.service() + " batch loop";
        Throwable buildFailure = lifecycle.buildFailure();
        if (buildFailure != null) {
            data.put("error", buildFailure.toString());
            return response(name, false, data);
        }
        TransactionalBatchLoop loop = lifecycle.loop();
        if (loop == null) {
            return response(name, true, data);
        }
        data.put("consumed", loop.consumed());
        if (!loop.isRunning()) {
            data.put("error", String.valueOf(loop.failure()));
        }
        return response(name, loop.isRunning(), data);
    }

    public HealthCheckResponse readiness() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phase", lifecycle.phase().name());
        details.get().forEach((k, v) -> {
            if (v != null) {
                data.put(k, v);
            }
        });
        TransactionalBatchLoop loop = lifecycle.loop();
        if (loop == null || !loop.isRunning()) {
            data.put("loop", loop == null ? "not started" : "stopped");
            return response(readinessName, false, data);
        }
        TopicsProbe.Outcome outcome = probe.check(topics);
        if (outcome.brokerError() != null) {
            data.put("broker", outcome.brokerError());
        } else if (!outcome.missing().isEmpty()) {
            data.put("missing topics", String.join(",", outcome.missing()));
        } else {
            data.put("topics", String.join(",", topics));
        }
        return response(readinessName, outcome.allPresent(), data);
    }

    private static HealthCheckResponse response(String name, boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }

    @Override
    public void close() {
        probe.close();
    }
}
