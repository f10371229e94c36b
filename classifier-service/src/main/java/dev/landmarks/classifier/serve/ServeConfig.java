package dev.landmarks.classifier.serve;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.LoopConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How the classifier service runs.
 *
 * @param bootstrapServers Kafka ({@code kafka.bootstrap-servers}, env LANDMARKS_KAFKA_BOOTSTRAP_SERVERS, default localhost:9092)
 * @param groupId          consumer group ({@code classifier.group-id}, default {@value #DEFAULT_GROUP_ID})
 * @param maxBatch         images per poll = per model call ({@code classifier.max-batch}, default 32)
 * @param pollTimeout      {@code classifier.poll-timeout}, default 500ms
 * @param generator        {@code classifier.generator}: retrieval (the default when no {@code classifier.model-dir} is
 *                         set: weight-free, over landmark.features), softmax (the default with a model) or embedding
 * @param output           signature output to read ({@code classifier.output}); empty = the only output, else
 *                         "probabilities" (softmax) / "embedding" (embedding)
 * @param references       embedding only: a CSV {@code id,url,landmark_id} of reference photos indexed at start
 *                         ({@code classifier.embedding.references}); url is a path relative to the CSV's directory
 */
public record ServeConfig(String bootstrapServers, String groupId, int maxBatch, Duration pollTimeout,
                          GeneratorKind generator, String output, Optional<Path> references) {
    public static final String DEFAULT_GROUP_ID = "landmarks-classifier";

    /** Which candidate generator serves: a CNN over images, or retrieval over local features. */
    public enum GeneratorKind {
        SOFTMAX, EMBEDDING, RETRIEVAL;

        static GeneratorKind parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("classifier.generator must be retrieval, softmax or embedding, was '" + value + "'", e);
            }
        }
    }

    public ServeConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrap-servers must not be blank");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("classifier.max-batch must be >= 1, was " + maxBatch);
        }
        output = output == null ? "" : output;
    }

    public static ServeConfig from(Settings s) {
        return new ServeConfig(
                s.string("kafka.bootstrap-servers", "localhost:9092"),
                s.string("classifier.group-id", DEFAULT_GROUP_ID),
                s.integer("classifier.max-batch", LoopConfig.DEFAULT_MAX_BATCH),
                s.duration("classifier.poll-timeout", LoopConfig.DEFAULT_POLL_TIMEOUT),
                GeneratorKind.parse(s.string("classifier.generator",
                        s.find("classifier.model-dir").isPresent() ? "softmax" : "retrieval")),
                s.string("classifier.output", ""),
                s.path("classifier.embedding.references"));
    }

    public LoopConfig loopConfig(String inputTopic) {
        return new LoopConfig(bootstrapServers, groupId, inputTopic, maxBatch, pollTimeout);
    }
}
