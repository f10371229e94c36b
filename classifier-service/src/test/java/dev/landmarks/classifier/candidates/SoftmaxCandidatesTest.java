package dev.landmarks.classifier.candidates;

import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.testing.SyntheticImages;
import dev.landmarks.classifier.testing.TestSavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxCandidatesTest {
    private static final List<String> LABELS = List.of("red_fort", "green_park", "blue_mosque");

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void buildModel() throws IOException {
        model = tmp.resolve("softmax");
        TestSavedModels.meanColourSoftmax(model, 16, 10f, LABELS);
    }

    @Test
    void topKIsOrderedByProbabilityAndNamedByTheLabelMap() throws IOException {
        try (ImageModel m = ImageModel.load(ModelConfig.of(model))) {
            SoftmaxCandidates softmax = new SoftmaxCandidates(m, "", 2);
            // Mostly blue, some green, no red: blue > green > red.
            List<LandmarkScore> c = softmax.candidates(List.of(SyntheticImages.solid(20, 10, new Color(0, 128, 255)))).get(0);
            assertEquals(List.of("blue_mosque", "green_park"), c.stream().map(LandmarkScore::landmarkId).toList());
            assertTrue(c.get(0).score() > c.get(1).score());
            // Probabilities of softmax(10 * (0, 128/255, 1)).
            double zr = 1, zg = Math.exp(10 * 128 / 255.0), zb = Math.exp(10);
            assertEquals(zb / (zr + zg + zb), c.get(0).score(), 1e-5);
            assertEquals(zg / (zr + zg + zb), c.get(1).score(), 1e-5);
        }
    }

    @Test
    void batchedAndSingleInferenceAgree() throws IOException {
        Random random = new Random(5);
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            images.add(SyntheticImages.of(i % 3, 24 + 5 * i, random));
        }
        try (ImageModel m = ImageModel.load(ModelConfig.of(model))) {
            float[][] batched = m.run(images).get("probabilities");
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(m.run(List.of(images.get(i))).get("probabilities")[0], batched[i], 1e-6f);
            }
            SoftmaxCandidates softmax = new SoftmaxCandidates(m, "probabilities", 3);
            List<List<LandmarkScore>> all = softmax.candidates(images);
            for (int i = 0; i < images.size(); i++) {
                assertEquals(softmax.candidates(List.of(images.get(i))).get(0), all.get(i));
            }
        }
    }

    @Test
    void modelIdIsTheContentHashOfTheDirectory() throws IOException {
        String first;
        try (ImageModel m = ImageModel.load(ModelConfig.of(model))) {
            first = new SoftmaxCandidates(m, "", 5).modelId();
            assertTrue(first.matches("cnn:[0-9a-f]{12}"), first);
        }
        try (ImageModel again = ImageModel.load(ModelConfig.of(model))) {
            assertEquals(first, new SoftmaxCandidates(again, "", 5).modelId());
        }
        Path renamed = tmp.resolve("relabelled");
        TestSavedModels.meanColourSoftmax(renamed, 16, 10f, List.of("a", "b", "c"));
        try (ImageModel other = ImageModel.load(ModelConfig.of(renamed))) {
            assertNotEquals(first, new SoftmaxCandidates(other, "", 5).modelId());
        }
    }

    @Test
    void inputSizeComesFromTheSignatureOrTheDefault() throws IOException {
        Path open = tmp.resolve("open");
        TestSavedModels.meanColourSoftmax(open, -1, 10f, LABELS);
        try (ImageModel fixed = ImageModel.load(ModelConfig.of(model));
             ImageModel unknown = ImageModel.load(ModelConfig.of(open))) {
            assertEquals(16, fixed.inputSize());
            assertEquals(ModelConfig.DEFAULT_INPUT_SIZE, unknown.inputSize());
        }
    }

    @Test
    void aLabelMapOfTheWrongLengthIsAnError() throws IOException {
        Path bad = tmp.resolve("bad");
        TestSavedModels.meanColourSoftmax(bad, 16, 10f, List.of("only", "two"));
        try (ImageModel m = ImageModel.load(ModelConfig.of(bad))) {
            assertThrows(IllegalArgumentException.class, () -> new SoftmaxCandidates(m, "", 5),
                    "the signature says 3 outputs, the label map 2");
        }
        assertThrows(IllegalStateException.class, () -> SoftmaxCandidates.rank(new float[]{0.5f, 0.5f},
                new dev.landmarks.classifier.model.LabelMap(List.of("a", "b", "c")), 2), "checked per image when open");
        Path none = tmp.resolve("nolabels");
        TestSavedModels.meanColourSoftmax(none, 16, 10f, LABELS);
        Files.delete(none.resolve("labels.txt"));
        try (ImageModel m = ImageModel.load(ModelConfig.of(none))) {
            assertThrows(IllegalArgumentException.class, () -> new SoftmaxCandidates(m, "", 5));
        }
    }
}
