package dev.landmarks.classifier.candidates;

import dev.landmarks.classifier.model.ImageModel;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Embedding kNN generator: the model maps an image to a global descriptor; the query's nearest reference photos in
 * the {@link EmbeddingIndex} vote for their landmarks ({@link CandidatesConfig.Vote}); the best top-k landmarks are
 * the candidates, scored by cosine similarity. References are added with {@link #addReferences}.
 */
public final class EmbeddingCandidates implements CandidateGenerator<BufferedImage> {
    /** Output name the project's trainer gives the descriptor. */
    public static final String DEFAULT_OUTPUT = "embedding";

    private final ImageModel model;
    private final String output;
    private final CandidatesConfig config;
    private EmbeddingIndex index;

    public EmbeddingCandidates(ImageModel model, String output, CandidatesConfig config) {
        this.model = model;
        this.output = OutputChoice.pick(model, output, DEFAULT_OUTPUT);
        this.config = config;
    }

    @Override
    public String modelId() {
        return "cnn-knn:" + model.hash();
    }

    /** Descriptors of a batch of images, one model call. */
    public float[][] describe(List<BufferedImage> images) {
        return model.run(images).get(output);
    }

    /** Describes and indexes reference photos (one model call per list: pass batch-sized lists). */
    public void addReferences(List<LabelledInput<BufferedImage>> references) {
        if (references.isEmpty()) {
            return;
        }
        float[][] d = describe(references.stream().map(LabelledInput::input).toList());
        for (int i = 0; i < d.length; i++) {
            LabelledInput<BufferedImage> r = references.get(i);
            indexFor(d[i].length).add(r.imageId(), r.landmarkId(), d[i]);
        }
    }

    public int referenceCount() {
        return index == null ? 0 : index.size();
    }

    @Override
    public List<List<LandmarkScore>> candidates(List<BufferedImage> batch) {
        float[][] d = describe(batch);
        List<List<LandmarkScore>> out = new ArrayList<>(d.length);
        for (float[] descriptor : d) {
            out.add(index == null ? List.of() : vote(index.nearest(descriptor, config.neighbours()), config));
        }
        return out;
    }

    /** Scores each landmark among the neighbours and keeps the top-k. */
    static List<LandmarkScore> vote(List<EmbeddingIndex.Neighbour> neighbours, CandidatesConfig config) {
        Map<String, Float> score = new HashMap<>();
        for (EmbeddingIndex.Neighbour n : neighbours) {
            switch (config.vote()) {
                case MAX -> score.merge(n.landmarkId(), n.similarity(), Math::max);
                case SUM -> score.merge(n.landmarkId(), n.similarity(), Float::sum);
            }
        }
        List<LandmarkScore> all = new ArrayList<>();
        score.forEach((landmark, s) -> all.add(new LandmarkScore(landmark, s)));
        return TopK.best(all, config.topK());
    }

    private EmbeddingIndex indexFor(int dim) {
        if (index == null) {
            index = new EmbeddingIndex(dim);
        }
        return index;
    }

    @Override
    public void close() {
        model.close();
    }
}
