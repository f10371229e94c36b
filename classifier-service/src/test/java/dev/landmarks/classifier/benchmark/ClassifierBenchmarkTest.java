package dev.landmarks.classifier.benchmark;

import dev.landmarks.classifier.candidates.EmbeddingIndex;
import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.ImagePreprocessing;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.testing.SyntheticImages;
import dev.landmarks.classifier.train.EpochReport;
import dev.landmarks.classifier.train.TrainConfig;
import dev.landmarks.classifier.train.Trainer;
import dev.landmarks.classifier.train.TrainingExample;
import dev.landmarks.classifier.train.TrainingResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Speed figures for docs/classifier.md, not part of the normal suite (tag "benchmark"). Trains the default
 * from-scratch CNN (128 px) on generated photos for a few epochs, then measures the exported model's inference at
 * batch 1 and 32, model call alone and with preprocessing, and the exhaustive embedding kNN search as the index grows. Prints the figures and writes them to
 * target/benchmarks/classifier.txt. Wall-clock figures: the command and the machine load are written down with them.
 */
@Tag("benchmark")
class ClassifierBenchmarkTest {
    private static final int PHOTOS_PER_LANDMARK = 100;
    private static final int EPOCHS = 3;
    private static final int SINGLE_CALLS = 64;
    private static final int BATCH = 32;
    private static final int BATCH_CALLS = 8;
    private static final int QUERIES = 50;

    @TempDir
    Path tmp;

    @Test
    void smallCnnTrainingAndInference() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("cores " + Runtime.getRuntime().availableProcessors() + ", load average at start " + loadAverage());
        var data = SyntheticImages.dataset(PHOTOS_PER_LANDMARK, 160, 1);
        List<TrainingExample> examples = data.stream().map(l -> TrainingExample.of(l.image(), l.landmarkId())).toList();
        TrainConfig config = TrainConfig.defaults().withSchedule(32, EPOCHS, EPOCHS);
        Path out = tmp.resolve("model");
        try (TrainingResult result = new Trainer(config, System.err).train(examples, Optional.empty(), out)) {
            for (EpochReport e : result.epochs()) {
                lines.add(String.format(Locale.ROOT, "train small CNN %d px, %d photos (%d training), batch %d: epoch %d %.2f s",
                        config.inputSize(), examples.size(), examples.size() - Math.round(examples.size() * 0.2f),
                        config.batchSize(), e.epoch(), e.seconds()));
            }
        }
        try (ImageModel model = ImageModel.load(ModelConfig.of(out))) {
            Random random = new Random(2);
            List<BufferedImage> photos = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                photos.add(SyntheticImages.of(i % 3, 480, random));
            }
            List<float[]> inputs = photos.stream()
                    .map(p -> ImagePreprocessing.toInput(p, model.inputSize(), model.normalization())).toList();
            model.runPreprocessed(inputs); // warm-up: first call builds the executor
            model.runPreprocessed(inputs.subList(0, 1));

            long t = System.nanoTime();
            for (int i = 0; i < SINGLE_CALLS; i++) {
                model.runPreprocessed(inputs.subList(i % BATCH, i % BATCH + 1));
            }
            lines.add(rate("inference, model call only, batch 1", SINGLE_CALLS, t));
            t = System.nanoTime();
            for (int i = 0; i < BATCH_CALLS; i++) {
                assertEquals(BATCH, model.runPreprocessed(inputs).get("probabilities").length);
            }
            lines.add(rate("inference, model call only, batch 32", BATCH_CALLS * BATCH, t));
            t = System.nanoTime();
            for (int i = 0; i < SINGLE_CALLS; i++) {
                model.run(photos.subList(i % BATCH, i % BATCH + 1));
            }
            lines.add(rate("inference incl. resize+normalise of 480x480 photos, batch 1", SINGLE_CALLS, t));
            t = System.nanoTime();
            for (int i = 0; i < BATCH_CALLS; i++) {
                model.run(photos);
            }
            lines.add(rate("inference incl. resize+normalise of 480x480 photos, batch 32", BATCH_CALLS * BATCH, t));
        }
        lines.addAll(embeddingSearch());
        lines.add("load average at end " + loadAverage());
        lines.forEach(System.out::println);
        Path report = Path.of("target", "benchmarks", "classifier.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
    }

    /** Exhaustive cosine kNN: query time as the reference index grows (random 128-d descriptors, k = 10). */
    private static List<String> embeddingSearch() {
        List<String> out = new ArrayList<>();
        Random random = new Random(4);
        int dim = 128;
        EmbeddingIndex index = new EmbeddingIndex(dim);
        int added = 0;
        for (int size : new int[]{1_000, 10_000, 100_000}) {
            for (; added < size; added++) {
                index.add("r" + added, "L" + (added % 5000), gaussian(random, dim));
            }
            float[][] queries = new float[QUERIES][];
            for (int q = 0; q < QUERIES; q++) {
                queries[q] = gaussian(random, dim);
            }
            for (int w = 0; w < QUERIES / 5; w++) {
                index.nearest(queries[w], 10); // warm-up: let the JIT compile the scan
            }
            long t = System.nanoTime();
            for (float[] q : queries) {
                assertEquals(10, index.nearest(q, 10).size());
            }
            double ms = (System.nanoTime() - t) / 1e6 / QUERIES;
            out.add(String.format(Locale.ROOT, "embedding kNN, %d references x %d dims: %.2f ms/query", size, dim, ms));
        }
        return out;
    }

    private static float[] gaussian(Random random, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static String rate(String what, int images, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(Locale.ROOT, "%s: %.1f images/s (%.2f ms/image, %d images)", what, images / seconds,
                seconds * 1000 / images, images);
    }

    private static String loadAverage() throws IOException {
        Path p = Path.of("/proc/loadavg");
        return Files.isReadable(p) ? Files.readString(p).strip() : "unknown";
    }
}
