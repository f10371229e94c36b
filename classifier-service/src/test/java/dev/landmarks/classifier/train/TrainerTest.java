package dev.landmarks.classifier.train;

import dev.landmarks.classifier.candidates.CandidatesConfig;
import dev.landmarks.classifier.candidates.EmbeddingCandidates;
import dev.landmarks.classifier.candidates.LabelledInput;
import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.testing.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    private static final float TOLERANCE = 1e-5f;

    @TempDir
    Path tmp;

    private static TrainConfig smallConfig() {
        // Tiny network, large steps: a few seconds on 2 cores, and it still has to learn the synthetic landmarks.
        return new TrainConfig(32, List.of(8, 16), 16, 0.25f, 0.01f, 8, 20, 6, 0.2, 3, 1.15,
                dev.landmarks.classifier.model.Normalization.UNIT, 42);
    }

    @Test
    void fromScratchTrainsExportsAndTheServerPredictsWhatTrainingPredicted() throws Exception {
        var data = SyntheticImages.dataset(10, 40, 7);
        List<TrainingExample> examples = data.stream().map(l -> TrainingExample.of(l.image(), l.landmarkId())).toList();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path out = tmp.resolve("model");
        List<BufferedImage> probe = SyntheticImages.dataset(2, 40, 99).stream().map(SyntheticImages.Labelled::image).toList();
        try (TrainingResult result = new Trainer(smallConfig(), new PrintStream(log, true, StandardCharsets.UTF_8))
                .train(examples, Optional.empty(), out)) {
            String progress = log.toString(StandardCharsets.UTF_8);
            assertTrue(progress.contains("epoch 1/20"), progress);
            EpochReport best = result.epochs().get(result.bestEpoch() - 1);
            assertTrue(best.validationAccuracy() >= 0.8, "learned the synthetic landmarks: " + progress);
            assertEquals(SyntheticImages.LANDMARKS, result.labels().landmarkIds());
            Map<String, float[][]> inProcess = result.predict(probe);
            try (ImageModel model = ImageModel.load(ModelConfig.of(out))) {
                assertEquals(32, model.inputSize());
                Map<String, float[][]> served = model.run(probe);
                for (String output : List.of("probabilities", "embedding")) {
                    for (int i = 0; i < probe.size(); i++) {
                        assertArrayEquals(inProcess.get(output)[i], served.get(output)[i], TOLERANCE, output + " " + i);
                    }
                }
                // The same export serves as an embedding model: the training photos as references, kNN finds the
                // landmark of unseen photos.
                var knn = new EmbeddingCandidates(model, "embedding", CandidatesConfig.defaults());
                knn.addReferences(java.util.stream.IntStream.range(0, data.size())
                        .mapToObj(i -> new LabelledInput<>("ref" + i, data.get(i).landmarkId(), data.get(i).image()))
                        .toList());
                var probes = SyntheticImages.dataset(4, 40, 97);
                var found = knn.candidates(probes.stream().map(SyntheticImages.Labelled::image).toList());
                int correct = 0;
                for (int i = 0; i < probes.size(); i++) {
                    if (found.get(i).get(0).landmarkId().equals(probes.get(i).landmarkId())) {
                        correct++;
                    }
                }
                assertTrue(correct >= probes.size() * 3 / 4, correct + " of " + probes.size() + " top-1 by embedding kNN");
            }
        }
    }

    @Test
    void withBackboneTrainsAHeadAndExportsBackbonePlusHeadAsOneModel() throws Exception {
        Path backbone = tmp.resolve("backbone");
        dev.landmarks.classifier.testing.TestSavedModels.convBackbone(backbone, 32, 8, 3);
        var data = SyntheticImages.dataset(10, 40, 11);
        List<TrainingExample> examples = data.stream().map(l -> TrainingExample.of(l.image(), l.landmarkId())).toList();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path out = tmp.resolve("model");
        List<BufferedImage> probe = SyntheticImages.dataset(2, 40, 98).stream().map(SyntheticImages.Labelled::image).toList();
        try (TrainingResult result = new Trainer(smallConfig(), new PrintStream(log, true, StandardCharsets.UTF_8))
                .train(examples, Optional.of(backbone), out)) {
            String progress = log.toString(StandardCharsets.UTF_8);
            Map<String, float[][]> inProcess = result.predict(probe);
            try (ImageModel model = ImageModel.load(ModelConfig.of(out))) {
                assertEquals(32, model.inputSize());
                Map<String, float[][]> served = model.run(probe);
                for (String output : List.of("probabilities", "embedding")) {
                    for (int i = 0; i < probe.size(); i++) {
                        assertArrayEquals(inProcess.get(output)[i], served.get(output)[i], TOLERANCE, output + " " + i);
                    }
                }
            }
        }
    }

    @Test
    void trainsOnTheBundledSamplePhotosFromTrainCsv() throws Exception {
        List<TrainingExample> examples = TrainingExample.readCsv(Path.of("..", "sample", "train.csv"));
        Path out = tmp.resolve("sample-model");
        List<BufferedImage> photos = new java.util.ArrayList<>();
        for (TrainingExample e : examples) {
            photos.add(e.source().load());
        }
        TrainConfig config = smallConfig().withSchedule(8, 3, 3);
        try (TrainingResult result = new Trainer(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .train(examples, Optional.empty(), out)) {
            assertEquals(List.of("opencv_aero", "opencv_box", "opencv_graf", "opencv_leuven", "sacre_coeur"),
                    result.labels().landmarkIds());
            assertEquals(3, result.epochs().size());
            float[][] inProcess = result.predict(photos).get("probabilities");
            try (ImageModel model = ImageModel.load(ModelConfig.of(out))) {
                var softmax = new dev.landmarks.classifier.candidates.SoftmaxCandidates(model, "", 5);
                var served = softmax.candidates(photos);
                for (int i = 0; i < photos.size(); i++) {
                    assertEquals(5, served.get(i).size());
                    int best = 0;
                    for (int c = 1; c < inProcess[i].length; c++) {
                        best = inProcess[i][c] > inProcess[i][best] ? c : best;
                    }
                    assertEquals(result.labels().landmarkId(best), served.get(i).get(0).landmarkId());
                    assertEquals(inProcess[i][best], served.get(i).get(0).score(), TOLERANCE);
                }
            }
        }
    }
}
