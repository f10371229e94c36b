package dev.landmarks.delf.features;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds and exports, with TensorFlow Java, a deliberately tiny model with exactly the official DELF local-feature
 * signature: inputs input_image uint8 [H,W,3], input_scales float [S], input_max_feature_num int32 [],
 * input_abs_thres float []; outputs boxes [N,4] (ymin,xmin,ymax,xmax), features [N,D], scales [N] (1/scale),
 * scores [N,1]. Per pyramid scale: bilinear resize, a 16x16 stride-16 convolution gives a D-channel grid, a 1x1
 * convolution + sigmoid gives attention in (0, 200); cells at or above the threshold are kept, then the strongest
 * max_feature_num across scales. Weights are fixed by a seed. Not a good model; the same contract as a real one.
 */
final class TinyDelfModel {
    static final int CELL = 16;
    /** Scales handled: the graph is unrolled this many times (a real export uses a while loop). */
    static final int MAX_SCALES = 7;
    static final float ATTENTION_RANGE = 200f;

    private TinyDelfModel() {
    }

    static void export(Path dir, int dim, long seed) throws IOException {
        export(dir, dim, seed, true);
    }

    /**
     * @param officialSignature false exports the same graph (tensors still named input_image ... scores) under a
     *                          signature with other keys, the way TF1 DELF exports look to a loader
     */
    static void export(Path dir, int dim, long seed, boolean officialSignature) throws IOException {
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            Random random = new Random(seed);
            Ops init = tf.withInitScope();
            Operand<TFloat32> cellWeights = init.variable(init.constant(
                    gaussian(random, new float[CELL][CELL][3][dim], 1.0 / Math.sqrt(CELL * CELL * 3.0))));
            Operand<TFloat32> attentionWeights = init.variable(init.constant(
                    gaussian(random, new float[1][1][dim][1], 3.0 / Math.sqrt(dim))));

            Placeholder<TUint8> image = tf.withName("input_image")
                    .placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1, 3)));
            Placeholder<TFloat32> scales = tf.withName("input_scales")
                    .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
            Placeholder<TInt32> maxFeatureNum = tf.withName("input_max_feature_num")
                    .placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
            Placeholder<TFloat32> absThres = tf.withName("input_abs_thres")
                    .placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

            Operand<TFloat32> normalised = tf.expandDims(tf.math.div(
                    tf.math.sub(tf.dtypes.cast(image, TFloat32.class), tf.constant(128f)), tf.constant(128f)),
                    tf.constant(0));
            Operand<TFloat32> size = tf.dtypes.cast(
                    tf.slice(tf.shape(image), tf.constant(new int[]{0}), tf.constant(new int[]{2})), TFloat32.class);
            Operand<TInt32> scaleCount = tf.size(scales);

            List<Operand<TFloat32>> boxes = new ArrayList<>();
            List<Operand<TFloat32>> features = new ArrayList<>();
            List<Operand<TFloat32>> featureScales = new ArrayList<>();
            List<Operand<TFloat32>> scores = new ArrayList<>();
            for (int k = 0; k < MAX_SCALES; k++) {
                Operand<TInt32> index = tf.math.minimum(tf.constant(k), tf.math.sub(scaleCount, tf.constant(1)));
                Operand<TFloat32> scale = tf.gather(scales, index, tf.constant(0));
                Operand<TInt32> newSize = tf.dtypes.cast(tf.math.round(tf.math.mul(size, scale)), TInt32.class);
                Operand<TFloat32> resized = tf.image.resizeBilinear(normalised, newSize);
                Operand<TFloat32> grid = tf.nn.conv2d(resized, cellWeights, List.of(1L, (long) CELL, (long) CELL, 1L), "VALID");
                Operand<TFloat32> attention = tf.math.mul(tf.constant(ATTENTION_RANGE), tf.math.sigmoid(
                        tf.nn.conv2d(grid, attentionWeights, List.of(1L, 1L, 1L, 1L), "VALID")));

                Operand<TInt32> gridShape = tf.shape(grid);
                Operand<TInt32> rows = tf.gather(gridShape, tf.constant(1), tf.constant(0));
                Operand<TInt32> cols = tf.gather(gridShape, tf.constant(2), tf.constant(0));
                Operand<TFloat32> ys = tf.dtypes.cast(tf.range(tf.constant(0), rows, tf.constant(1)), TFloat32.class);
                Operand<TFloat32> xs = tf.dtypes.cast(tf.range(tf.constant(0), cols, tf.constant(1)), TFloat32.class);
                Operand<TFloat32> yy = tf.reshape(tf.tile(tf.reshape(ys, tf.constant(new int[]{-1, 1})),
                        tf.stack(List.of(tf.constant(1), cols))), tf.constant(new int[]{-1}));
                Operand<TFloat32> xx = tf.reshape(tf.tile(tf.reshape(xs, tf.constant(new int[]{1, -1})),
                        tf.stack(List.of(rows, tf.constant(1)))), tf.constant(new int[]{-1}));
                Operand<TFloat32> top = tf.math.mul(yy, tf.constant((float) CELL));
                Operand<TFloat32> left = tf.math.mul(xx, tf.constant((float) CELL));
                Operand<TFloat32> cellBoxes = tf.math.div(tf.stack(List.of(top, left,
                        tf.math.add(top, tf.constant(CELL - 1f)), tf.math.add(left, tf.constant(CELL - 1f))),
                        Stack.axis(1L)), scale);

                Operand<TFloat32> flatAttention = tf.reshape(attention, tf.constant(new int[]{-1}));
                Operand<TFloat32> flatFeatures = tf.reshape(grid, tf.constant(new int[]{-1, dim}));
                // scale slots beyond the given scales select nothing
                Operand<TFloat32> threshold = tf.select(tf.math.less(tf.constant(k), scaleCount), absThres,
                        tf.constant(Float.POSITIVE_INFINITY));
                Operand<TInt64> selected = tf.reshape(tf.where(tf.math.greaterEqual(flatAttention, threshold)),
                        tf.constant(new int[]{-1}));
                Operand<TFloat32> selectedScores = tf.gather(flatAttention, selected, tf.constant(0));
                boxes.add(tf.gather(cellBoxes, selected, tf.constant(0)));
                features.add(tf.gather(flatFeatures, selected, tf.constant(0)));
                scores.add(selectedScores);
                featureScales.add(tf.math.div(tf.onesLike(selectedScores), scale));
            }
            Operand<TFloat32> allScores = tf.concat(scores, tf.constant(0));
            Operand<TInt32> keep = tf.math.minimum(maxFeatureNum, tf.size(allScores));
            TopK<TFloat32, TInt32> best = tf.nn.topK(allScores, keep, new TopK.Options[0]);
            Operand<TInt32> order = best.indices();

            Operand<TFloat32> outBoxes = tf.withName("boxes").identity(
                    tf.gather(tf.concat(boxes, tf.constant(0)), order, tf.constant(0)));
            Operand<TFloat32> outFeatures = tf.withName("features").identity(
                    tf.gather(tf.concat(features, tf.constant(0)), order, tf.constant(0)));
            Operand<TFloat32> outScales = tf.withName("scales").identity(
                    tf.gather(tf.concat(featureScales, tf.constant(0)), order, tf.constant(0)));
            Operand<TFloat32> outScores = tf.withName("scores").identity(
                    tf.expandDims(best.values(), tf.constant(1)));

            session.initialize();
            Signature signature = officialSignature
                    ? Signature.builder(Signature.DEFAULT_KEY)
                    .input("input_image", image).input("input_scales", scales)
                    .input("input_max_feature_num", maxFeatureNum).input("input_abs_thres", absThres)
                    .output("boxes", outBoxes).output("features", outFeatures)
                    .output("scales", outScales).output("scores", outScores)
                    .build()
                    : Signature.builder(Signature.DEFAULT_KEY)
                    .input("pixels", image).input("pyramid", scales)
                    .input("budget", maxFeatureNum).input("threshold", absThres)
                    .output("locations", outBoxes).output("descriptors", outFeatures)
                    .build();
            SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(signature).export();
        }
    }

    /** A SavedModel that is not DELF: one float input, its double as output. */
    static void exportNotDelf(Path dir) throws IOException {
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
            Operand<TFloat32> y = tf.withName("y").math.mul(x, tf.constant(2f));
            SavedModelBundle.exporter(dir.toString()).withSession(session)
                    .withSignature(Signature.builder(Signature.DEFAULT_KEY).input("x", x).output("y", y).build())
                    .export();
        }
    }

    private static float[][][][] gaussian(Random random, float[][][][] shape, double sigma) {
        for (float[][][] a : shape) {
            for (float[][] b : a) {
                for (float[] c : b) {
                    for (int i = 0; i < c.length; i++) {
                        c[i] = (float) (random.nextGaussian() * sigma);
                    }
                }
            }
        }
        return shape;
    }
}
