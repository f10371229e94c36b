package dev.landmarks.classifier.train;

import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.TensorRows;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import java.nio.file.Path;
import java.util.List;

/**
 * A frozen backbone SavedModel (e.g. a Keras VGG16/ResNet50 exported without its top): one float image input
 * [batch, h, w, 3] and one float output. A 4-D output is global-average-pooled to [batch, channels] inside the
 * backbone's own graph, so the exported model pools exactly as training did. The head is later added to this graph.
 */
final class Backbone implements AutoCloseable {
    /** Sub-scope of every op the trainer adds to the backbone's graph. */
    static final String SCOPE = "landmark_head";

    private final SavedModelBundle bundle;
    private final Output<TFloat32> input;
    private final String inputKey;
    private final Operand<TFloat32> features;
    private final int inputSize;
    private final Ops tf;

    @SuppressWarnings("unchecked")
    Backbone(Path dir, String signatureKey, int defaultInputSize) {
        bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
        try {
            Signature s = bundle.function(signatureKey).signature();
            if (s.inputNames().size() != 1 || s.outputNames().size() != 1) {
                throw new IllegalArgumentException("backbone signature " + signatureKey
                        + " must have one input and one output, has " + s.inputNames() + " -> " + s.outputNames());
            }
            inputKey = s.inputNames().iterator().next();
            Signature.TensorDescription in = s.getInputs().get(inputKey);
            Signature.TensorDescription out = s.getOutputs().values().iterator().next();
            input = (Output<TFloat32>) bundle.graph().outputOrThrow(in.name);
            inputSize = ImageModel.squareInputSide(in.shape, defaultInputSize);
            tf = Ops.create(bundle.graph()).withSubScope(SCOPE);
            Output<TFloat32> raw = (Output<TFloat32>) bundle.graph().outputOrThrow(out.name);
            boolean spatial = out.shape.numDimensions() == 4;
            features = spatial ? Network.globalAveragePool(tf, raw) : raw;
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    int inputSize() {
        return inputSize;
    }

    String inputKey() {
        return inputKey;
    }

    Output<TFloat32> input() {
        return input;
    }

    Operand<TFloat32> features() {
        return features;
    }

    Ops ops() {
        return tf;
    }

    SavedModelBundle bundle() {
        return bundle;
    }

    /** Features of preprocessed inputs, one run. */
    float[][] run(List<float[]> inputs) {
        int n = inputs.size();
        int per = inputSize * inputSize * 3;
        float[] flat = new float[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * per, per);
        }
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, inputSize, inputSize, 3), DataBuffers.of(flat, true, false));
             var result = bundle.session().runner().feed(input, x).fetch(features).run()) {
            return TensorRows.of((TFloat32) result.get(0), n);
        }
    }

    @Override
    public void close() {
        bundle.close();
    }
}
