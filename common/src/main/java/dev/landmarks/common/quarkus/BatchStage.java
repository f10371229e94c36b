package dev.landmarks.common.quarkus;

import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.LoopConfig;

import java.util.Objects;

/**
 * What a batch shell runs: the same handler and loop settings as the service's plain {@code main}.
 *
 * @param loop      how the loop consumes (its input topic is the {@code topic} label of records in)
 * @param handler   the service's batch handler
 * @param resources what to release once the loop has closed (the ingestor's threads, the extractor's or the model's
 *                  native memory); {@code () -> {}} when there is nothing
 */
public record BatchStage(LoopConfig loop, BatchHandler handler, AutoCloseable resources) {
    public BatchStage {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(resources, "resources");
    }
}
