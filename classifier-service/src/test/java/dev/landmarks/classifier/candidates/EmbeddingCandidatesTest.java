package dev.landmarks.classifier.candidates;

import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.testing.SyntheticImages;
import dev.landmarks.classifier.testing.TestSavedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingCandidatesTest {
    @TempDir
    Path tmp;

    private static LabelledInput<BufferedImage> ref(String id, String landmark, Color c) {
        return new LabelledInput<>(id, landmark, SyntheticImages.solid(8, 8, c));
    }

    @Test
    void aLandmarkWithASingleReferenceIsFoundAndVotingDecidesTheRest() throws Exception {
        Path dir = tmp.resolve("embedding");
        TestSavedModels.meanColourEmbedding(dir, 16);
        try (ImageModel model = ImageModel.load(ModelConfig.of(dir))) {
            var config = new CandidatesConfig(3, 4, CandidatesConfig.Vote.MAX);
            EmbeddingCandidates knn = new EmbeddingCandidates(model, "", config);
            assertTrue(knn.modelId().matches("cnn-knn:[0-9a-f]{12}"));
            knn.addReferences(List.of(
                    ref("r1", "reds", new Color(250, 40, 40)),
                    ref("r2", "reds", new Color(230, 60, 40)),
                    ref("r3", "reds", new Color(200, 80, 60)),
                    ref("o1", "orange_only", new Color(255, 140, 0)),
                    ref("b1", "blues", new Color(20, 20, 240))));
            assertEquals(5, knn.referenceCount());
            // Orange query: its single reference is the nearest.
            BufferedImage orange = SyntheticImages.solid(10, 10, new Color(250, 150, 10));
            List<LandmarkScore> max = knn.candidates(List.of(orange)).get(0);
            assertEquals("orange_only", max.get(0).landmarkId());
            assertEquals(List.of("orange_only", "reds"), max.stream().map(LandmarkScore::landmarkId).toList(),
                    "k=4 neighbours: orange + 3 reds; blue is not among them");
            // Summing votes lets the three red references outvote the single orange one.
            var sum = new EmbeddingCandidates(model, "", new CandidatesConfig(3, 4, CandidatesConfig.Vote.SUM));
            sum.addReferences(List.of(ref("r1", "reds", new Color(250, 40, 40)), ref("r2", "reds", new Color(230, 60, 40)),
                    ref("r3", "reds", new Color(200, 80, 60)), ref("o1", "orange_only", new Color(255, 140, 0))));
            assertEquals("reds", sum.candidates(List.of(orange)).get(0).get(0).landmarkId());
        }
    }

    @Test
    void batchedAndSingleDescriptorsAgree() throws Exception {
        Path dir = tmp.resolve("embedding");
        TestSavedModels.meanColourEmbedding(dir, 16);
        var random = new java.util.Random(3);
        List<BufferedImage> images = List.of(SyntheticImages.of(0, 30, random), SyntheticImages.of(1, 50, random),
                SyntheticImages.of(2, 17, random));
        try (ImageModel model = ImageModel.load(ModelConfig.of(dir))) {
            EmbeddingCandidates knn = new EmbeddingCandidates(model, "embedding", CandidatesConfig.defaults());
            float[][] batched = knn.describe(images);
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(knn.describe(List.of(images.get(i)))[0], batched[i], 1e-6f);
            }
        }
    }

    @Test
    void noReferencesMeansNoCandidates() throws Exception {
        Path dir = tmp.resolve("embedding");
        TestSavedModels.meanColourEmbedding(dir, 16);
        try (ImageModel model = ImageModel.load(ModelConfig.of(dir))) {
            var knn = new EmbeddingCandidates(model, "", CandidatesConfig.defaults());
            assertEquals(List.of(List.of()), knn.candidates(List.of(SyntheticImages.solid(4, 4, Color.RED))));
        }
    }
}
