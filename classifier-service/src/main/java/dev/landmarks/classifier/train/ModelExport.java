package dev.landmarks.classifier.train;

import dev.landmarks.classifier.model.LabelMap;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.model.ModelDirectory;
import dev.landmarks.classifier.model.Normalization;
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
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes a trained model as ONE SavedModel directory the classifier serves: signature {@code serving_default} with
 * one float image input [batch, size, size, 3] and two outputs, {@value #PROBABILITIES} [batch, classes] and
 * {@value #EMBEDDING} [batch, hidden] (L2-normalised); plus {@code labels.txt} and {@code model.properties}. Trained
 * parameters are frozen into the graph as constants; a backbone keeps its own variables and saver.
 */
final class ModelExport {
    static final String PROBABILITIES = "probabilities";
    static final String EMBEDDING = "embedding";
    static final String IMAGE_INPUT = "image";

    private ModelExport() {
    }

    /** From-scratch CNN: a new graph holding the conv stack and the head. */
    static void scratch(Weights weights, int convLayers, int inputSize, LabelMap labels, Normalization normalization,
                        Path dir) throws IOException {
        prepare(dir);
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> image = tf.withName(IMAGE_INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, inputSize, inputSize, 3)));
            Function<String, Operand<TFloat32>> constants = constants(tf, weights);
            Operand<TFloat32> features = Network.convStack(tf, image, convLayers, constants);
            Network.Ends ends = Network.head(tf, features, constants, null, 0);
            try (Session s = new Session(g)) {
                export(s, IMAGE_INPUT, image, ends, dir);
            }
        }
        sideFiles(dir, labels, normalization, "scratch");
    }

    /** Backbone + head: the head is added to the backbone's loaded graph and exported with the backbone's session. */
    static void withBackbone(Backbone backbone, Weights head, LabelMap labels, Normalization normalization, Path dir)
            throws IOException {
        prepare(dir);
        Ops tf = backbone.ops();
        Network.Ends ends = Network.head(tf, backbone.features(), constants(tf, head), null, 0);
        export(backbone.bundle().session(), backbone.inputKey(), backbone.input(), ends, dir);
        sideFiles(dir, labels, normalization, "backbone");
    }

    private static Function<String, Operand<TFloat32>> constants(Ops tf, Weights weights) {
        return name -> {
            Weights.Param p = weights.get(name);
            return tf.constant(Shape.of(p.shape()), DataBuffers.of(p.values(), true, false));
        };
    }

    private static void export(Session session, String inputKey, Operand<TFloat32> input, Network.Ends ends, Path dir)
            throws IOException {
        Signature signature = Signature.builder().key(ModelConfig.DEFAULT_SIGNATURE)
                .input(inputKey, input)
                .output(PROBABILITIES, ends.probabilities())
                .output(EMBEDDING, ends.embedding())
                .build();
        SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(signature).export();
    }

    private static void sideFiles(Path dir, LabelMap labels, Normalization normalization, String kind) throws IOException {
        labels.write(dir.resolve(LabelMap.FILE_NAME));
        Properties p = new Properties();
        p.setProperty(ModelDirectory.NORMALIZATION_KEY, normalization.settingValue());
        p.setProperty("trained", kind);
        ModelDirectory.writeProperties(dir, p);
    }

    /** The output directory must be new or empty: stale variables from an older model must not mix in. */
    private static void prepare(Path dir) throws IOException {
        requireEmptyOrAbsent(dir);
        Files.createDirectories(dir);
    }

    /** Checked before training too, so a long run does not end in a refused export. */
    static void requireEmptyOrAbsent(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("output " + dir + " exists and is not a directory");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("output directory " + dir + " is not empty");
                }
            }
        }
    }
}
