package dev.landmarks.classifier.testing;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Small SavedModels built with TensorFlow Java, with known behaviour, standing in for the real ones a user brings:
 * a softmax classifier and an embedding model over mean colours, and a conv backbone with variables.
 */
public final class TestSavedModels {
    private TestSavedModels() {
    }

    /**
     * Softmax over {@code sharpness * (mean R, mean G, mean B)} (inputs in [0,1]): a red photo ranks output 0 first,
     * green output 1, blue output 2. {@code side} -1 leaves height and width open in the signature.
     */
    public static void meanColourSoftmax(Path dir, int side, float sharpness, List<String> labels) throws IOException {
        export(dir, side, (tf, image) -> {
            Operand<TFloat32> mean = tf.math.mean(image, tf.constant(new int[]{1, 2}));
            return List.of(new Named("probabilities", tf.nn.softmax(tf.math.mul(mean, tf.constant(sharpness)))));
        });
        Files.write(dir.resolve("labels.txt"), labels);
    }

    /** Embedding = (mean R, mean G, mean B, 0.1): photos of similar colour are near. */
    public static void meanColourEmbedding(Path dir, int side) throws IOException {
        export(dir, side, (tf, image) -> {
            Operand<TFloat32> mean = tf.math.mean(image, tf.constant(new int[]{1, 2}));
            Operand<TFloat32> bias = tf.math.mul(tf.onesLike(tf.slice(mean, tf.constant(new int[]{0, 0}),
                    tf.constant(new int[]{-1, 1}))), tf.constant(0.1f));
            return List.of(new Named("embedding", tf.concat(List.of(mean, bias), tf.constant(1))));
        });
    }

    /**
     * A frozen feature extractor like a Keras backbone without its top: 3x3 conv with random (seeded) weights held in
     * VARIABLES, ReLU, 2x2 max pooling; output [batch, side/2, side/2, channels] (4-D: the trainer pools it).
     */
    public static void convBackbone(Path dir, int side, int channels, long seed) throws IOException {
        Random random = new Random(seed);
        float[] kernel = new float[3 * 3 * 3 * channels];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) (random.nextGaussian() * Math.sqrt(2.0 / 27));
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Ops init = tf.withInitScope();
            var weights = init.variable(init.constant(Shape.of(3, 3, 3, channels), DataBuffers.of(kernel, true, false)));
            Placeholder<TFloat32> image = tf.withName("input_image").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, side, side, 3)));
            Operand<TFloat32> conv = tf.nn.relu(tf.nn.conv2d(image, weights, List.of(1L, 1L, 1L, 1L), "SAME"));
            Operand<TFloat32> pooled = tf.nn.maxPool(conv, tf.constant(new int[]{1, 2, 2, 1}),
                    tf.constant(new int[]{1, 2, 2, 1}), "VALID");
            try (Session s = new Session(g)) {
                s.initialize();
                SavedModelBundle.exporter(dir.toString()).withSession(s)
                        .withSignature(Signature.builder().key("serving_default").input("input_image", image)
                                .output("features", pooled).build())
                        .export();
            }
        }
    }

    private record Named(String name, Operand<TFloat32> output) {
    }

    private interface Body {
        List<Named> build(Ops tf, Operand<TFloat32> image);
    }

    private static void export(Path dir, int side, Body body) throws IOException {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> image = tf.withName("image").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, side, side, 3)));
            Signature.Builder signature = Signature.builder().key("serving_default").input("image", image);
            for (Named n : body.build(tf, image)) {
                signature.output(n.name(), n.output());
            }
            try (Session s = new Session(g)) {
                SavedModelBundle.exporter(dir.toString()).withSession(s).withSignature(signature.build()).export();
            }
        }
    }
}
