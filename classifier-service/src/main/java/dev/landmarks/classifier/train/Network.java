package dev.landmarks.classifier.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The trainable network, built from a parameter source so that the same code makes the training graph (parameters
 * are variables) and the exported serving graph (parameters are constants). Two parts:
 * <ul>
 *   <li>an optional conv stack for training from scratch: 3x3 convolutions with ReLU, 2x2 max pooling between them,
 *       global average pooling at the end;</li>
 *   <li>the head: a hidden fully connected ReLU layer (its L2-normalised output is the exported embedding), dropout
 *       while training, and the class layer whose softmax is the exported probabilities.</li>
 * </ul>
 */
final class Network {
    /** The graph ends the trainer and the exporter use. */
    record Ends(Operand<TFloat32> logits, Operand<TFloat32> probabilities, Operand<TFloat32> embedding) {
    }

    /** Keeps the L2 normalisation finite for an all-zero hidden layer. */
    private static final float NORM_EPSILON = 1e-12f;

    private Network() {
    }

    static Weights initialConv(List<Integer> channels, Random random) {
        Map<String, Weights.Param> p = new LinkedHashMap<>();
        int in = 3;
        for (int i = 0; i < channels.size(); i++) {
            int out = channels.get(i);
            p.put("conv" + i + "/kernel", Weights.heNormal(new long[]{3, 3, in, out}, 9 * in, random));
            p.put("conv" + i + "/bias", Weights.zeros(out));
            in = out;
        }
        return new Weights(p);
    }

    static Weights initialHead(int features, int hidden, int classes, Random random) {
        Map<String, Weights.Param> p = new LinkedHashMap<>();
        p.put("hidden/kernel", Weights.heNormal(new long[]{features, hidden}, features, random));
        p.put("hidden/bias", Weights.zeros(hidden));
        p.put("classes/kernel", Weights.heNormal(new long[]{hidden, classes}, hidden, random));
        p.put("classes/bias", Weights.zeros(classes));
        return new Weights(p);
    }

    /** Conv stack: [batch, h, w, 3] images -> [batch, channels] features. */
    static Operand<TFloat32> convStack(Ops tf, Operand<TFloat32> images, int layers,
                                       Function<String, Operand<TFloat32>> param) {
        Operand<TFloat32> x = images;
        for (int i = 0; i < layers; i++) {
            x = tf.nn.conv2d(x, param.apply("conv" + i + "/kernel"), List.of(1L, 1L, 1L, 1L), "SAME");
            x = tf.nn.relu(tf.nn.biasAdd(x, param.apply("conv" + i + "/bias")));
            if (i < layers - 1) {
                x = tf.nn.maxPool(x, tf.constant(new int[]{1, 2, 2, 1}), tf.constant(new int[]{1, 2, 2, 1}), "VALID");
            }
        }
        return globalAveragePool(tf, x);
    }

    /** [batch, h, w, c] -> [batch, c]. Backbones exported without pooling are reduced the same way. */
    static Operand<TFloat32> globalAveragePool(Ops tf, Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(new int[]{1, 2}));
    }

    /**
     * Head on [batch, features]. {@code keepProbability} null builds the serving form without dropout.
     */
    static Ends head(Ops tf, Operand<TFloat32> features, Function<String, Operand<TFloat32>> param,
                     Operand<TFloat32> keepProbability, long dropoutSeed) {
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(
                tf.linalg.matMul(features, param.apply("hidden/kernel")), param.apply("hidden/bias")));
        Operand<TFloat32> embedding = l2Normalize(tf, hidden);
        Operand<TFloat32> dropped = hidden;
        if (keepProbability != null) {
            // Inverted dropout: keep each unit with probability p and scale by 1/p, so serving needs no rescaling.
            Operand<TFloat32> uniform = tf.random.randomUniform(tf.shape(hidden), TFloat32.class,
                    RandomUniform.seed(dropoutSeed), RandomUniform.seed2(dropoutSeed + 1));
            Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, keepProbability));
            dropped = tf.math.div(tf.math.mul(hidden, mask), keepProbability);
        }
        Operand<TFloat32> logits = tf.math.add(
                tf.linalg.matMul(dropped, param.apply("classes/kernel")), param.apply("classes/bias"));
        return new Ends(logits, tf.nn.softmax(logits), embedding);
    }

    private static Operand<TFloat32> l2Normalize(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> squares = tf.sum(tf.math.square(x), tf.constant(new int[]{1}), Sum.keepDims(true));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squares, tf.constant(NORM_EPSILON))));
    }
}
