package dev.landmarks.classifier.serve;

import dev.landmarks.classifier.candidates.CandidatesConfig;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.model.Normalization;
import dev.landmarks.common.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every classifier setting: defaults, parsing and validation. */
class ConfigTest {
    @Test
    void defaults() {
        Settings none = Settings.of(Map.of("classifier.model-dir", "/models/cnn"));
        ServeConfig serve = ServeConfig.from(none);
        assertEquals("localhost:9092", serve.bootstrapServers());
        assertEquals("landmarks-classifier", serve.groupId());
        assertEquals(32, serve.maxBatch());
        assertEquals(Duration.ofMillis(500), serve.pollTimeout());
        assertEquals(ServeConfig.GeneratorKind.SOFTMAX, serve.generator());
        assertEquals("", serve.output());
        assertEquals(Optional.empty(), serve.references());
        ModelConfig model = ModelConfig.from(none);
        assertEquals(Path.of("/models/cnn"), model.directory());
        assertEquals("serving_default", model.signature());
        assertEquals(Optional.empty(), model.normalization());
        assertEquals(128, model.defaultInputSize());
        assertEquals(CandidatesConfig.defaults(), CandidatesConfig.from(none));
    }

    @Test
    void parsesEveryKey() {
        Settings s = Settings.of(Map.ofEntries(
                Map.entry("kafka.bootstrap-servers", "k1:9092,k2:9092"),
                Map.entry("classifier.group-id", "g"),
                Map.entry("classifier.max-batch", "8"),
                Map.entry("classifier.poll-timeout", "2s"),
                Map.entry("classifier.generator", "Embedding"),
                Map.entry("classifier.output", "features"),
                Map.entry("classifier.embedding.references", "/data/train.csv"),
                Map.entry("classifier.model-dir", "/m"),
                Map.entry("classifier.signature", "sig"),
                Map.entry("classifier.normalization", "caffe"),
                Map.entry("classifier.input-size", "224"),
                Map.entry("classifier.top-k", "3"),
                Map.entry("classifier.embedding.neighbours", "20"),
                Map.entry("classifier.embedding.vote", "sum")));
        ServeConfig serve = ServeConfig.from(s);
        assertEquals(new ServeConfig("k1:9092,k2:9092", "g", 8, Duration.ofSeconds(2), ServeConfig.GeneratorKind.EMBEDDING,
                "features", Optional.of(Path.of("/data/train.csv"))), serve);
        assertEquals(new ModelConfig(Path.of("/m"), "sig", Optional.of(Normalization.CAFFE), 224), ModelConfig.from(s));
        assertEquals(new CandidatesConfig(3, 20, CandidatesConfig.Vote.SUM), CandidatesConfig.from(s));
    }

    @Test
    void rejectsBadValuesWithTheKeyInTheMessage() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ServeConfig.from(Settings.of(Map.of("classifier.generator", "knn"))));
        assertTrue(e.getMessage().contains("classifier.generator"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CandidatesConfig.from(Settings.of(Map.of("classifier.embedding.vote", "mean"))));
        assertTrue(e.getMessage().contains("classifier.embedding.vote"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.from(Settings.of(Map.of())));
        assertTrue(e.getMessage().contains("classifier.model-dir"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CandidatesConfig.from(Settings.of(Map.of("classifier.top-k", "0"))));
        assertThrows(IllegalArgumentException.class,
                () -> ServeConfig.from(Settings.of(Map.of("classifier.max-batch", "0"))));
    }
}
