package dev.landmarks.classifier.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Named parameter arrays of a network (row-major, TensorFlow layout), in creation order. */
record Weights(Map<String, Param> params) {
    /** One parameter: its shape and values. */
    record Param(long[] shape, float[] values) {
        Param {
            long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            if (n != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                        + values.length);
            }
        }
    }

    Weights {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    Param get(String name) {
        Param p = params.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return p;
    }

    /** He-normal initialisation (std = sqrt(2 / fan in)) for ReLU layers; biases start at zero. */
    static Param heNormal(long[] shape, int fanIn, Random random) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] v = new float[n];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return new Param(shape, v);
    }

    static Param zeros(long... shape) {
        return new Param(shape, new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)]);
    }
}
