package dev.landmarks.classifier.train;

import dev.landmarks.classifier.model.TensorRows;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network in graph mode with its parameters as variables, a softmax cross-entropy loss, Adam, and dropout fed
 * through a keep-probability that defaults to 1 (so evaluation and in-process prediction run without it).
 * Inputs are flat float rows reshaped to {@code inputShape}. Parameters can be read out and written back, which is
 * how the best epoch's weights are kept and how they reach the exporter.
 */
final class TrainingGraph implements AutoCloseable {
    /** Accuracy and mean loss over labelled inputs. */
    record Evaluation(double accuracy, double loss) {
    }

    private final Graph graph = new Graph();
    private final Session session;
    private final long[] inputShape;
    private final int classes;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> labels;
    private final Placeholder<TFloat32> keep;
    private final Network.Ends ends;
    private final Operand<TFloat32> loss;
    private final Op train;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> restoreValues = new LinkedHashMap<>();
    private final List<Op> restoreOps = new ArrayList<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    /**
     * @param inputShape per-example shape: {h, w, 3} with a conv stack, {features} for a head alone
     * @param convLayers conv layers in {@code initial} (0 = head only)
     */
    TrainingGraph(long[] inputShape, int convLayers, Weights initial, int classes, float learningRate, long seed) {
        this.inputShape = inputShape.clone();
        this.classes = classes;
        try {
            Ops tf = Ops.create(graph);
            Ops init = tf.withInitScope();
            for (var e : initial.params().entrySet()) {
                Weights.Param p = e.getValue();
                variables.put(e.getKey(), init.variable(init.constant(Shape.of(p.shape()), DataBuffers.of(p.values(), true, false))));
                shapes.put(e.getKey(), p.shape());
                Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(p.shape())));
                restoreValues.put(e.getKey(), value);
                restoreOps.add(tf.assign(variables.get(e.getKey()), value));
            }
            long[] batched = new long[inputShape.length + 1];
            batched[0] = -1;
            System.arraycopy(inputShape, 0, batched, 1, inputShape.length);
            input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(batched)));
            labels = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
            keep = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Operand<TFloat32> features = convLayers > 0 ? Network.convStack(tf, input, convLayers, variables::get) : input;
            ends = Network.head(tf, features, variables::get, keep, seed);
            loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(ends.logits(), labels).loss(), tf.constant(0));
            train = new Adam(graph, learningRate).minimize(loss);
            session = new Session(graph);
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** One optimisation step with dropout; returns the batch loss. */
    float step(List<float[]> inputs, int[] classIndex, float keepProbability) {
        try (TFloat32 x = batch(inputs); TFloat32 y = oneHot(classIndex); TFloat32 k = TFloat32.scalarOf(keepProbability);
             Result r = session.runner().feed(input, x).feed(labels, y).feed(keep, k).addTarget(train).fetch(loss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    Evaluation evaluate(List<float[]> inputs, int[] classIndex, int batchSize) {
        int correct = 0;
        double lossSum = 0;
        for (int from = 0; from < inputs.size(); from += batchSize) {
            int to = Math.min(inputs.size(), from + batchSize);
            int[] y = java.util.Arrays.copyOfRange(classIndex, from, to);
            try (TFloat32 x = batch(inputs.subList(from, to)); TFloat32 yt = oneHot(y); TFloat32 k = TFloat32.scalarOf(1f);
                 Result r = session.runner().feed(input, x).feed(labels, yt).feed(keep, k)
                         .fetch(ends.probabilities()).fetch(loss).run()) {
                float[][] p = TensorRows.of((TFloat32) r.get(0), to - from);
                lossSum += ((TFloat32) r.get(1)).getFloat() * (to - from);
                for (int i = 0; i < p.length; i++) {
                    if (argMax(p[i]) == y[i]) {
                        correct++;
                    }
                }
            }
        }
        return new Evaluation((double) correct / inputs.size(), lossSum / inputs.size());
    }

    /** Probabilities and embedding, without dropout: the training process's own predictions. */
    Map<String, float[][]> predict(List<float[]> inputs) {
        try (TFloat32 x = batch(inputs); TFloat32 k = TFloat32.scalarOf(1f);
             Result r = session.runner().feed(input, x).feed(keep, k)
                     .fetch(ends.probabilities()).fetch(ends.embedding()).run()) {
            return Map.of(ModelExport.PROBABILITIES, TensorRows.of((TFloat32) r.get(0), inputs.size()),
                    ModelExport.EMBEDDING, TensorRows.of((TFloat32) r.get(1), inputs.size()));
        }
    }

    Weights weights() {
        var runner = session.runner();
        variables.values().forEach(runner::fetch);
        Map<String, Weights.Param> out = new LinkedHashMap<>();
        try (Result r = runner.run()) {
            int i = 0;
            for (String name : variables.keySet()) {
                float[][] one = TensorRows.of((TFloat32) r.get(i++), 1);
                out.put(name, new Weights.Param(shapes.get(name), one[0]));
            }
        }
        return new Weights(out);
    }

    void load(Weights weights) {
        var runner = session.runner();
        List<TFloat32> tensors = new ArrayList<>();
        try {
            for (var e : restoreValues.entrySet()) {
                Weights.Param p = weights.get(e.getKey());
                TFloat32 t = TFloat32.tensorOf(Shape.of(p.shape()), DataBuffers.of(p.values(), true, false));
                tensors.add(t);
                runner.feed(e.getValue(), t);
            }
            restoreOps.forEach(runner::addTarget);
            runner.run().close();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    private TFloat32 batch(List<float[]> inputs) {
        int per = 1;
        for (long d : inputShape) {
            per *= (int) d;
        }
        float[] flat = new float[inputs.size() * per];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * per, per);
        }
        long[] shape = new long[inputShape.length + 1];
        shape[0] = inputs.size();
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(flat, true, false));
    }

    private TFloat32 oneHot(int[] classIndex) {
        float[] y = new float[classIndex.length * classes];
        for (int i = 0; i < classIndex.length; i++) {
            y[i * classes + classIndex[i]] = 1f;
        }
        return TFloat32.tensorOf(Shape.of(classIndex.length, classes), DataBuffers.of(y, true, false));
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
