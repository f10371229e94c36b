package dev.landmarks.classifier.train;

import dev.landmarks.classifier.model.Normalization;
import dev.landmarks.common.config.Settings;

import java.util.List;

/**
 * Every knob of training, with the seed, so the same data and config give the same model.
 * Keys are {@code train.*} in {@link Settings} (env LANDMARKS_TRAIN_*).
 *
 * @param inputSize          square input side of the CNN trained from scratch ({@code train.input-size}, default 128);
 *                           with a backbone the backbone's signature decides
 * @param convChannels       filters of the from-scratch CNN's 3x3 conv layers, each followed by ReLU; all but the
 *                           last by 2x2 max pooling; the last by global average pooling ({@code train.conv-channels},
 *                           default 16,32,64,64)
 * @param hiddenUnits        width of the head's hidden layer, which is also the exported embedding
 *                           ({@code train.hidden-units}, default 128)
 * @param dropout            fraction of hidden units dropped while training ({@code train.dropout}, default 0.5)
 * @param learningRate       Adam step size ({@code train.learning-rate}, default 0.001)
 * @param batchSize          examples per step ({@code train.batch-size}, default 32)
 * @param maxEpochs          upper bound on epochs ({@code train.max-epochs}, default 40)
 * @param patience           epochs without a better validation score before stopping ({@code train.patience}, default 6)
 * @param validationFraction share of each landmark's photos held out ({@code train.validation-fraction}, default 0.2);
 *                           a landmark always keeps at least one training photo
 * @param augmentedViews     with a backbone: views per photo whose bottlenecks are computed once, the first being the
 *                           plain serving view ({@code train.augmented-views}, default 4)
 * @param zoom               augmentation: photos are resized to {@code zoom * input} and randomly cropped back to the
 *                           input size, and flipped left-right half the time ({@code train.zoom}, default 1.15)
 * @param normalization      input normalisation recorded in the model ({@code train.normalization}, default unit;
 *                           use caffe for a Keras VGG16/ResNet50 backbone)
 * @param seed               seeds weight initialisation, splits, sampling, augmentation and dropout ({@code train.seed}, default 42)
 */
public record TrainConfig(int inputSize, List<Integer> convChannels, int hiddenUnits, float dropout, float learningRate,
                          int batchSize, int maxEpochs, int patience, double validationFraction, int augmentedViews,
                          double zoom, Normalization normalization, long seed) {
    public TrainConfig {
        convChannels = List.copyOf(convChannels);
        require(inputSize >= 16 && inputSize <= 1024, "train.input-size must be in [16, 1024]");
        require(!convChannels.isEmpty() && convChannels.stream().allMatch(c -> c > 0), "train.conv-channels must be positive");
        require(inputSize >> (convChannels.size() - 1) >= 2, "train.input-size too small for that many pooling layers");
        require(hiddenUnits > 0, "train.hidden-units must be > 0");
        require(dropout >= 0 && dropout < 1, "train.dropout must be in [0, 1)");
        require(learningRate > 0, "train.learning-rate must be > 0");
        require(batchSize > 0, "train.batch-size must be > 0");
        require(maxEpochs > 0, "train.max-epochs must be > 0");
        require(patience > 0, "train.patience must be > 0");
        require(validationFraction >= 0 && validationFraction < 1, "train.validation-fraction must be in [0, 1)");
        require(augmentedViews >= 1, "train.augmented-views must be >= 1");
        require(zoom >= 1 && zoom <= 2, "train.zoom must be in [1, 2]");
        require(normalization != null, "train.normalization is required");
    }

    public static TrainConfig defaults() {
        return new TrainConfig(128, List.of(16, 32, 64, 64), 128, 0.5f, 1e-3f, 32, 40, 6, 0.2, 4, 1.15,
                Normalization.UNIT, 42);
    }

    public static TrainConfig from(Settings s) {
        TrainConfig d = defaults();
        return new TrainConfig(
                s.integer("train.input-size", d.inputSize()),
                s.find("train.conv-channels").map(TrainConfig::parseChannels).orElse(d.convChannels()),
                s.integer("train.hidden-units", d.hiddenUnits()),
                (float) s.decimal("train.dropout", d.dropout()),
                (float) s.decimal("train.learning-rate", d.learningRate()),
                s.integer("train.batch-size", d.batchSize()),
                s.integer("train.max-epochs", d.maxEpochs()),
                s.integer("train.patience", d.patience()),
                s.decimal("train.validation-fraction", d.validationFraction()),
                s.integer("train.augmented-views", d.augmentedViews()),
                s.decimal("train.zoom", d.zoom()),
                s.find("train.normalization").map(Normalization::parse).orElse(d.normalization()),
                s.longValue("train.seed", d.seed()));
    }

    /** A copy with a different batch size and epoch budget (tests and benchmarks). */
    public TrainConfig withSchedule(int batchSize, int maxEpochs, int patience) {
        return new TrainConfig(inputSize, convChannels, hiddenUnits, dropout, learningRate, batchSize, maxEpochs, patience,
                validationFraction, augmentedViews, zoom, normalization, seed);
    }

    /** A copy with a different from-scratch input size and conv stack (tests and benchmarks). */
    public TrainConfig withNetwork(int inputSize, List<Integer> convChannels, int hiddenUnits) {
        return new TrainConfig(inputSize, convChannels, hiddenUnits, dropout, learningRate, batchSize, maxEpochs, patience,
                validationFraction, augmentedViews, zoom, normalization, seed);
    }

    private static List<Integer> parseChannels(String v) {
        return java.util.Arrays.stream(v.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
