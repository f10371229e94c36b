package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.retrieval.index.Scoring;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyConfig;
import dev.landmarks.common.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalConfigTest {
    @Test
    void defaultsApplyWhenNothingIsSet() {
        assertEquals(RetrievalConfig.defaults(), RetrievalConfig.from(Settings.of(Map.of())));
        assertEquals(VocabularyConfig.defaults(), VocabularyConfig.from(Settings.of(Map.of())));
        assertNull(VocabularyConfig.defaults().file());
    }

    @Test
    void everyKeyIsRead() {
        RetrievalConfig r = RetrievalConfig.from(Settings.of(Map.of(
                "retrieval.kernel", "TfIdf",
                "retrieval.asmk.alpha", "2",
                "retrieval.asmk.threshold", "0.1",
                "retrieval.tf-power", "1",
                "retrieval.aggregation", "sum",
                "retrieval.aggregate-top", "3",
                "retrieval.references-per-landmark", "7",
                "retrieval.query-assignments", "3",
                "retrieval.max-query-descriptors", "1000")));
        assertEquals(new RetrievalConfig(Scoring.Kernel.TFIDF, 2f, 0.1f, 1f, RetrievalConfig.Aggregation.SUM, 3, 7, 3,
                1000),
                r);
        assertEquals(Scoring.tfIdf(1f), r.scoring());
        assertEquals(Scoring.asmk(3f, 0f), RetrievalConfig.defaults().scoring());

        VocabularyConfig v = VocabularyConfig.from(Settings.of(Map.of(
                "retrieval.vocabulary.coarse", "10",
                "retrieval.vocabulary.fine", "20",
                "retrieval.vocabulary.iterations", "3",
                "retrieval.vocabulary.sample-size", "500",
                "retrieval.vocabulary.seed", "9",
                "retrieval.vocabulary.file", "/models/codebook.bin")));
        assertEquals(new VocabularyConfig(10, 20, 3, 500, 9, Path.of("/models/codebook.bin")), v);
    }

    @Test
    void invalidValuesAreRejectedNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RetrievalConfig.from(Settings.of(Map.of("retrieval.tf-power", "2"))));
        assertTrue(e.getMessage().contains("retrieval.tf-power"));
        e = assertThrows(IllegalArgumentException.class,
                () -> RetrievalConfig.from(Settings.of(Map.of("retrieval.aggregation", "median"))));
        assertTrue(e.getMessage().contains("[max, sum]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RetrievalConfig.from(Settings.of(Map.of("retrieval.kernel", "vlad"))));
        assertThrows(IllegalArgumentException.class,
                () -> RetrievalConfig.from(Settings.of(Map.of("retrieval.asmk.alpha", "0.5"))));
        assertThrows(IllegalArgumentException.class,
                () -> RetrievalConfig.from(Settings.of(Map.of("retrieval.asmk.threshold", "1"))));
        assertThrows(IllegalArgumentException.class,
                () -> RetrievalConfig.from(Settings.of(Map.of("retrieval.references-per-landmark", "0"))));
        assertThrows(IllegalArgumentException.class,
                () -> RetrievalConfig.from(Settings.of(Map.of("retrieval.max-query-descriptors", "-1"))));
        assertThrows(IllegalArgumentException.class,
                () -> RetrievalConfig.from(Settings.of(Map.of("retrieval.query-assignments", "0"))));
        e = assertThrows(IllegalArgumentException.class,
                () -> VocabularyConfig.from(Settings.of(Map.of("retrieval.vocabulary.coarse", "0"))));
        assertTrue(e.getMessage().contains("retrieval.vocabulary.coarse"));
        assertThrows(IllegalArgumentException.class,
                () -> VocabularyConfig.from(Settings.of(Map.of("retrieval.vocabulary.sample-size", "10"))));
        assertThrows(IllegalArgumentException.class,
                () -> VocabularyConfig.from(Settings.of(Map.of("retrieval.vocabulary.iterations", "-1"))));
    }
}
