package dev.landmarks.classifier.model;

import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A SavedModel loaded once ({@code serve} tag) that maps a batch of images to its float outputs. The input is the
 * signature's single float input [batch, height, width, 3]; its size comes from the signature (or the configured
 * default when open). Images are resized and normalised by {@link ImagePreprocessing}, stacked into ONE tensor and
 * run in one call. Float outputs are returned, flattened per image; others are skipped. Not thread-safe: one caller
 * at a time.
 */
public final class ImageModel implements AutoCloseable {
    private final SavedModelBundle bundle;
    private final SessionFunction function;
    private final String inputName;
    private final int inputSize;
    private final Normalization normalization;
    private final String modelHash;
    private final Optional<LabelMap> labels;

    private ImageModel(SavedModelBundle bundle, SessionFunction function, String inputName, int inputSize,
                       Normalization normalization, String modelHash, Optional<LabelMap> labels) {
        this.bundle = bundle;
        this.function = function;
        this.inputName = inputName;
        this.inputSize = inputSize;
        this.normalization = normalization;
        this.modelHash = modelHash;
        this.labels = labels;
    }

    public static ImageModel load(ModelConfig config) throws IOException {
        ModelDirectory dir = new ModelDirectory(config.directory());
        String hash = dir.contentHash();
        Normalization normalization = config.normalization()
                .or(() -> uncheckedRecorded(dir))
                .orElse(Normalization.UNIT);
        SavedModelBundle bundle = SavedModelBundle.load(config.directory().toString(), SavedModelBundle.DEFAULT_TAG);
        try {
            SessionFunction function = bundle.function(config.signature());
            Signature signature = function.signature();
            if (signature.inputNames().size() != 1) {
                throw new IllegalArgumentException("signature " + config.signature() + " must have exactly one input, has "
                        + signature.inputNames());
            }
            String inputName = signature.inputNames().iterator().next();
            Shape shape = signature.getInputs().get(inputName).shape;
            int size = squareInputSide(shape, config.defaultInputSize());
            return new ImageModel(bundle, function, inputName, size, normalization, hash, dir.labels());
        } catch (RuntimeException | IOException e) {
            bundle.close();
            throw e;
        }
    }

    /** The square side read from a [batch, height, width, 3] shape; the default when height or width is open. */
    public static int squareInputSide(Shape shape, int defaultSize) {
        if (shape.isUnknown() || shape.numDimensions() != 4) {
            return defaultSize;
        }
        long h = shape.size(1);
        long w = shape.size(2);
        if (h > 0 && w > 0 && h != w) {
            throw new IllegalArgumentException("only square inputs are supported, signature says " + shape);
        }
        return h > 0 ? (int) h : w > 0 ? (int) w : defaultSize;
    }

    /** Content hash of the model directory (12 hex digits). */
    public String hash() {
        return modelHash;
    }

    public int inputSize() {
        return inputSize;
    }

    public Normalization normalization() {
        return normalization;
    }

    public Optional<LabelMap> labels() {
        return labels;
    }

    public Set<String> outputNames() {
        return function.signature().outputNames();
    }

    /** Values per image of an output as the signature declares it; empty when a dimension is open. */
    public Optional<Long> outputWidth(String output) {
        Signature.TensorDescription d = function.signature().getOutputs().get(output);
        if (d == null || d.shape.isUnknown()) {
            return Optional.empty();
        }
        long width = 1;
        for (int i = 1; i < d.shape.numDimensions(); i++) {
            if (d.shape.size(i) < 0) {
                return Optional.empty();
            }
            width *= d.shape.size(i);
        }
        return Optional.of(width);
    }

    /** Runs the model on preprocessed inputs, {@code inputSize^2 * 3} floats per image, returning every output. */
    public Map<String, float[][]> runPreprocessed(List<float[]> inputs) {
        int n = inputs.size();
        if (n == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        int per = inputSize * inputSize * 3;
        float[] batch = new float[n * per];
        for (int i = 0; i < n; i++) {
            float[] one = inputs.get(i);
            if (one.length != per) {
                throw new IllegalArgumentException("input " + i + " has " + one.length + " values, expected " + per);
            }
            System.arraycopy(one, 0, batch, i * per, per);
        }
        Map<String, float[][]> out = new LinkedHashMap<>();
        try (TFloat32 input = TFloat32.tensorOf(Shape.of(n, inputSize, inputSize, 3), DataBuffers.of(batch, true, false));
             Result result = function.call(Map.of(inputName, input))) {
            for (Map.Entry<String, Tensor> e : result) {
                // Float outputs only: a signature may also carry class ids or strings, which no generator reads.
                if (e.getValue() instanceof TFloat32 values) {
                    out.put(e.getKey(), TensorRows.of(values, n));
                }
            }
        }
        return out;
    }

    /** Preprocesses and runs a batch of images in one call. */
    public Map<String, float[][]> run(List<BufferedImage> images) {
        return runPreprocessed(images.stream().map(i -> ImagePreprocessing.toInput(i, inputSize, normalization)).toList());
    }

    private static Optional<Normalization> uncheckedRecorded(ModelDirectory dir) {
        try {
            return dir.recordedNormalization();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        bundle.close();
    }
}
