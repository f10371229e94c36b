package dev.landmarks.classifier.train;

import dev.landmarks.classifier.model.LabelMap;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What training produced: the exported model directory, the label map, per-epoch progress, the epoch whose weights
 * were kept, and the training process's own predictor (the trained graph, best weights, no dropout) for checking
 * that the exported model predicts the same. Holds native graphs: close it.
 */
public final class TrainingResult implements AutoCloseable {
    private final Path modelDir;
    private final LabelMap labels;
    private final List<EpochReport> epochs;
    private final int bestEpoch;
    private final Function<List<BufferedImage>, Map<String, float[][]>> predictor;
    private final AutoCloseable resources;

    TrainingResult(Path modelDir, LabelMap labels, List<EpochReport> epochs, int bestEpoch,
                   Function<List<BufferedImage>, Map<String, float[][]>> predictor, AutoCloseable resources) {
        this.modelDir = modelDir;
        this.labels = labels;
        this.epochs = List.copyOf(epochs);
        this.bestEpoch = bestEpoch;
        this.predictor = predictor;
        this.resources = resources;
    }

    public Path modelDir() {
        return modelDir;
    }

    public LabelMap labels() {
        return labels;
    }

    public List<EpochReport> epochs() {
        return epochs;
    }

    /** 1-based epoch whose weights were exported. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** In-process outputs ("probabilities", "embedding") for images, preprocessed exactly as the server does. */
    public Map<String, float[][]> predict(List<BufferedImage> images) {
        return predictor.apply(images);
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
