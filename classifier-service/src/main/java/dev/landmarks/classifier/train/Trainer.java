package dev.landmarks.classifier.train;

import dev.landmarks.classifier.model.ImagePreprocessing;
import dev.landmarks.classifier.model.LabelMap;
import dev.landmarks.classifier.model.ModelConfig;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains a landmark classifier and exports it as one SavedModel (see {@link ModelExport}).
 * <ul>
 *   <li>With a backbone SavedModel: bottleneck features are computed once per photo and augmented view with the
 *       frozen backbone, a small head (hidden ReLU layer, dropout, softmax) is trained on them with Adam, and the
 *       head is exported on top of the backbone.</li>
 *   <li>Without: a small CNN is trained from scratch on augmented crops, same head, same loop.</li>
 * </ul>
 * Both hold out a per-landmark validation split, draw class-balanced batches, print one progress line per epoch and
 * stop when the validation accuracy (ties: loss) has not improved for {@code patience} epochs, exporting the best
 * epoch's weights. Labels are the sorted distinct landmark ids.
 */
public final class Trainer {
    private final TrainConfig config;
    private final PrintStream progress;

    public Trainer(TrainConfig config, PrintStream progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * @param examples labelled photos, at least two landmarks
     * @param backbone a backbone SavedModel directory, or empty to train the small CNN from scratch
     * @param out      the model directory to create (must be absent or empty)
     */
    public TrainingResult train(List<TrainingExample> examples, Optional<Path> backbone, Path out) throws IOException {
        LabelMap labels = new LabelMap(List.copyOf(new TreeSet<>(examples.stream().map(TrainingExample::landmarkId).toList())));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs photos of at least two landmarks, got " + labels.size());
        }
        ModelExport.requireEmptyOrAbsent(out);
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.landmarkId(i), i);
        }
        int[] classOf = examples.stream().mapToInt(e -> index.get(e.landmarkId())).toArray();
        Random random = new Random(config.seed());
        DataSplit split = DataSplit.of(classOf, labels.size(), config.validationFraction(), random);
        progress.printf("training on %d photos of %d landmarks (%d held out for validation), %s%n", examples.size(),
                labels.size(), split.validation().size(), backbone.map(b -> "backbone " + b).orElse("small CNN from scratch"));
        return backbone.isPresent()
                ? withBackbone(examples, classOf, labels, split, backbone.get(), out, random)
                : fromScratch(examples, classOf, labels, split, out, random);
    }

    private TrainingResult fromScratch(List<TrainingExample> examples, int[] classOf, LabelMap labels, DataSplit split,
                                       Path out, Random random) throws IOException {
        int size = config.inputSize();
        int convLayers = config.convChannels().size();
        int features = config.convChannels().get(convLayers - 1);
        Weights initial = merge(Network.initialConv(config.convChannels(), random),
                Network.initialHead(features, config.hiddenUnits(), labels.size(), random));
        ImageSamples samples = new ImageSamples(examples, size, config.zoom(), config.normalization());
        TrainingGraph graph = new TrainingGraph(new long[]{size, size, 3}, convLayers, initial, labels.size(),
                config.learningRate(), config.seed());
        try {
            Fit fit = fit(graph, samples, classOf, split, random);
            graph.load(fit.best());
            ModelExport.scratch(fit.best(), convLayers, size, labels, config.normalization(), out);
            return new TrainingResult(out, labels, fit.epochs(), fit.bestEpoch(),
                    imgs -> graph.predict(imgs.stream()
                            .map(i -> ImagePreprocessing.toInput(i, size, config.normalization())).toList()),
                    graph);
        } catch (IOException | RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private TrainingResult withBackbone(List<TrainingExample> examples, int[] classOf, LabelMap labels, DataSplit split,
                                        Path backboneDir, Path out, Random random) throws IOException {
        Backbone backbone = new Backbone(backboneDir, ModelConfig.DEFAULT_SIGNATURE, ModelConfig.DEFAULT_INPUT_SIZE);
        TrainingGraph graph = null;
        try {
            int size = backbone.inputSize();
            long start = System.nanoTime();
            BottleneckSamples samples = bottlenecks(backbone, examples, size, random);
            progress.printf("bottlenecks: %d photos x %d views, %d features, %.1f s%n", examples.size(),
                    config.augmentedViews(), samples.inputLength(), (System.nanoTime() - start) / 1e9);
            Weights initial = Network.initialHead(samples.inputLength(), config.hiddenUnits(), labels.size(), random);
            graph = new TrainingGraph(new long[]{samples.inputLength()}, 0, initial, labels.size(),
                    config.learningRate(), config.seed());
            Fit fit = fit(graph, samples, classOf, split, random);
            graph.load(fit.best());
            ModelExport.withBackbone(backbone, fit.best(), labels, config.normalization(), out);
            TrainingGraph head = graph;
            return new TrainingResult(out, labels, fit.epochs(), fit.bestEpoch(),
                    imgs -> head.predict(Arrays.asList(backbone.run(imgs.stream()
                            .map(i -> ImagePreprocessing.toInput(i, size, config.normalization())).toList()))),
                    () -> {
                        head.close();
                        backbone.close();
                    });
        } catch (IOException | RuntimeException e) {
            if (graph != null) {
                graph.close();
            }
            backbone.close();
            throw e;
        }
    }

    /** Each photo's views through the frozen backbone, in batches: view 0 plain, the others augmented. */
    private BottleneckSamples bottlenecks(Backbone backbone, List<TrainingExample> examples, int size, Random random)
            throws IOException {
        ImageSamples pixels = new ImageSamples(examples, size, config.zoom(), config.normalization());
        int per = config.augmentedViews();
        // Photos per backbone call, so that one call sees about batchSize views and memory stays flat.
        int photosPerCall = Math.max(1, config.batchSize() / per);
        List<float[][]> views = new ArrayList<>();
        for (int from = 0; from < examples.size(); from += photosPerCall) {
            int to = Math.min(examples.size(), from + photosPerCall);
            List<float[]> inputs = new ArrayList<>();
            for (int i = from; i < to; i++) {
                inputs.add(pixels.validationInput(i));
                for (int v = 1; v < per; v++) {
                    inputs.add(pixels.trainingSample(i, random));
                }
            }
            float[][] features = backbone.run(inputs);
            for (int i = 0; i < to - from; i++) {
                views.add(Arrays.copyOfRange(features, i * per, (i + 1) * per));
            }
        }
        return new BottleneckSamples(views);
    }

    private record Fit(Weights best, int bestEpoch, List<EpochReport> epochs) {
    }

    private Fit fit(TrainingGraph graph, SampleSource samples, int[] classOf, DataSplit split, Random random) {
        List<float[]> validationInputs = split.validation().stream().map(samples::validationInput).toList();
        int[] validationClasses = split.validation().stream().mapToInt(i -> classOf[i]).toArray();
        int steps = Math.max(1, (split.trainCount() + config.batchSize() - 1) / config.batchSize());
        List<EpochReport> epochs = new ArrayList<>();
        Weights best = graph.weights();
        int bestEpoch = 0;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            long start = System.nanoTime();
            double lossSum = 0;
            for (int s = 0; s < steps; s++) {
                int[] batch = split.balancedBatch(config.batchSize(), random);
                List<float[]> inputs = new ArrayList<>(batch.length);
                int[] y = new int[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    inputs.add(samples.trainingSample(batch[i], random));
                    y[i] = classOf[batch[i]];
                }
                lossSum += graph.step(inputs, y, 1f - config.dropout());
            }
            double trainLoss = lossSum / steps;
            double accuracy = Double.NaN;
            double loss = trainLoss;
            if (!validationInputs.isEmpty()) {
                TrainingGraph.Evaluation e = graph.evaluate(validationInputs, validationClasses, config.batchSize());
                accuracy = e.accuracy();
                loss = e.loss();
            }
            EpochReport report = new EpochReport(epoch, trainLoss, accuracy, validationInputs.isEmpty() ? Double.NaN : loss,
                    (System.nanoTime() - start) / 1e9);
            epochs.add(report);
            progress.println(report.line(config.maxEpochs()));
            double score = Double.isNaN(accuracy) ? 0 : accuracy;
            if (score > bestAccuracy || (score == bestAccuracy && loss < bestLoss)) {
                bestAccuracy = score;
                bestLoss = loss;
                bestEpoch = epoch;
                best = graph.weights();
            } else if (epoch - bestEpoch >= config.patience()) {
                progress.printf("early stop: no better validation score since epoch %d%n", bestEpoch);
                break;
            }
        }
        return new Fit(best, bestEpoch, epochs);
    }

    private static Weights merge(Weights a, Weights b) {
        var all = new java.util.LinkedHashMap<>(a.params());
        all.putAll(b.params());
        return new Weights(all);
    }
}
