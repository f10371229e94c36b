package dev.landmarks.classifier.candidates;

import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.LabelMap;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * CNN softmax generator: one batched model call, then the top-k output indices per image mapped through the label
 * map, scored by their probability. The model's output and the label map must have the same length.
 */
public final class SoftmaxCandidates implements CandidateGenerator<BufferedImage> {
    /** Output name the project's trainer gives the class probabilities. */
    public static final String DEFAULT_OUTPUT = "probabilities";

    private final ImageModel model;
    private final LabelMap labels;
    private final String output;
    private final int topK;

    public SoftmaxCandidates(ImageModel model, String output, int topK) {
        this.model = model;
        this.labels = model.labels().orElseThrow(() -> new IllegalArgumentException(
                "a softmax model needs " + LabelMap.FILE_NAME + " in its directory"));
        this.output = OutputChoice.pick(model, output, DEFAULT_OUTPUT);
        this.topK = topK;
        // Fail at start rather than on every image when the signature already tells the sizes disagree.
        model.outputWidth(this.output).filter(w -> w != labels.size()).ifPresent(w -> {
            throw new IllegalArgumentException("output '" + this.output + "' has " + w + " values but "
                    + LabelMap.FILE_NAME + " lists " + labels.size() + " landmarks");
        });
    }

    @Override
    public String modelId() {
        return "cnn:" + model.hash();
    }

    @Override
    public List<List<LandmarkScore>> candidates(List<BufferedImage> batch) {
        float[][] probabilities = model.run(batch).get(output);
        List<List<LandmarkScore>> out = new ArrayList<>(batch.size());
        for (float[] p : probabilities) {
            out.add(rank(p, labels, topK));
        }
        return out;
    }

    /** Top-k of one probability vector, labelled. */
    static List<LandmarkScore> rank(float[] probabilities, LabelMap labels, int k) {
        if (probabilities.length != labels.size()) {
            throw new IllegalStateException("model has " + probabilities.length + " outputs but the label map "
                    + labels.size() + " labels");
        }
        List<LandmarkScore> all = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            all.add(new LandmarkScore(labels.landmarkId(i), probabilities[i]));
        }
        return TopK.best(all, k);
    }

    @Override
    public void close() {
        model.close();
    }
}
