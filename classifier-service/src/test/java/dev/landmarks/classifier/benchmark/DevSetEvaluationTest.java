package dev.landmarks.classifier.benchmark;

import dev.landmarks.classifier.candidates.CandidatesConfig;
import dev.landmarks.classifier.candidates.EmbeddingCandidates;
import dev.landmarks.classifier.candidates.LabelledInput;
import dev.landmarks.classifier.candidates.LandmarkScore;
import dev.landmarks.classifier.candidates.SoftmaxCandidates;
import dev.landmarks.classifier.dataset.LabelledPhotos;
import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.train.TrainConfig;
import dev.landmarks.classifier.train.Trainer;
import dev.landmarks.classifier.train.TrainingExample;
import dev.landmarks.classifier.train.TrainingResult;
import dev.landmarks.common.config.Settings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Evaluation on a Kaggle-layout data set given by {@code -Dclassifier.eval.data=DIR} (train.csv, test.csv,
 * solution.csv): trains the default from-scratch CNN on train.csv (train.* settings apply), then reports, over the
 * test queries that show a landmark, top-1 and top-5 of the softmax and of embedding kNN with the training photos
 * as references, and the GAP of the softmax's top-1 over all queries. Tag "evaluation": never in the normal suite.
 */
@Tag("evaluation")
class DevSetEvaluationTest {
    @TempDir
    Path tmp;

    @Test
    void trainOnTrainCsvAndScoreTheTestQueries() throws Exception {
        String data = System.getProperty("classifier.eval.data", "");
        assertFalse(data.isBlank(), "give the data set: -Dclassifier.eval.data=DIR");
        Path dir = Path.of(data);
        Settings settings = Settings.fromEnvironment();
        TrainConfig config = TrainConfig.from(settings);
        Path model = tmp.resolve("model");
        List<String> lines = new ArrayList<>();
        try (TrainingResult result = new Trainer(config, System.err)
                .train(TrainingExample.readCsv(dir.resolve("train.csv")), Optional.empty(), model)) {
            lines.add("trained " + result.epochs().size() + " epochs, kept epoch " + result.bestEpoch() + ": "
                    + result.epochs().get(result.bestEpoch() - 1).line(config.maxEpochs()));
        }
        Map<String, String> truth = solution(dir.resolve("solution.csv"));
        List<String> ids = new ArrayList<>();
        List<BufferedImage> queries = new ArrayList<>();
        List<String> testLines = Files.readAllLines(dir.resolve("test.csv"), StandardCharsets.UTF_8);
        for (String line : testLines.subList(1, testLines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            ids.add(f[0]);
            queries.add(ImageIO.read(dir.resolve(f[1]).toFile()));
        }
        try (ImageModel m = ImageModel.load(ModelConfig.of(model))) {
            List<List<LandmarkScore>> softmax = new SoftmaxCandidates(m, "", 5).candidates(queries);
            lines.add(score("softmax", ids, softmax, truth));
            EmbeddingCandidates knn = new EmbeddingCandidates(m, "embedding",
                    new CandidatesConfig(5, CandidatesConfig.DEFAULT_NEIGHBOURS, CandidatesConfig.Vote.MAX));
            List<LabelledInput<BufferedImage>> refs = new ArrayList<>();
            for (LabelledPhotos.Row row : LabelledPhotos.read(dir.resolve("train.csv"))) {
                refs.add(row.load());
            }
            knn.addReferences(refs);
            lines.add(score("embedding kNN", ids, knn.candidates(queries), truth));
        }
        lines.forEach(System.out::println);
        Path report = Path.of("target", "benchmarks", "classifier-eval.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
    }

    private static String score(String name, List<String> ids, List<List<LandmarkScore>> found, Map<String, String> truth) {
        int withLandmark = 0;
        int top1 = 0;
        int top5 = 0;
        record Guess(float score, boolean correct) {
        }
        List<Guess> guesses = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String t = truth.get(ids.get(i));
            List<LandmarkScore> c = found.get(i);
            if (!c.isEmpty()) {
                guesses.add(new Guess(c.get(0).score(), !t.isEmpty() && c.get(0).landmarkId().equals(t)));
            }
            if (t.isEmpty()) {
                continue;
            }
            withLandmark++;
            if (!c.isEmpty() && c.get(0).landmarkId().equals(t)) {
                top1++;
            }
            if (c.stream().limit(5).anyMatch(s -> s.landmarkId().equals(t))) {
                top5++;
            }
        }
        guesses.sort(Comparator.comparingDouble(Guess::score).reversed());
        double gap = 0;
        int correct = 0;
        for (int i = 0; i < guesses.size(); i++) {
            if (guesses.get(i).correct()) {
                correct++;
                gap += (double) correct / (i + 1);
            }
        }
        gap /= withLandmark;
        return String.format(Locale.ROOT, "%s: top-1 %d/%d (%.1f%%), top-5 %d/%d (%.1f%%), GAP of top-1 over all %d queries %.3f",
                name, top1, withLandmark, 100.0 * top1 / withLandmark, top5, withLandmark, 100.0 * top5 / withLandmark,
                ids.size(), gap);
    }

    /** id -> landmark ("" for a query that shows none); solution.csv's landmarks column holds one id or nothing. */
    private static Map<String, String> solution(Path csv) throws Exception {
        Map<String, String> truth = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            truth.put(f[0], f.length > 1 ? f[1].strip().split(" ")[0] : "");
        }
        return truth;
    }
}
