package dev.landmarks.delf.features;

import dev.landmarks.common.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every knob of DELF extraction, with the defaults of the official DELF configs (delf_config_example.pbtxt).
 *
 * @param modelDir       the SavedModel directory (saved_model.pb + variables/); key {@code delf.model-dir}
 * @param imageScales    image pyramid scales passed to the model; default 0.25, 0.3536, 0.5, 0.7071, 1.0, 1.4142, 2.0;
 *                       key {@code delf.scales} (comma separated), each in (0, 8]
 * @param maxFeatures    most keypoints kept (strongest attention first); default 1000; key
 *                       {@code delf.max-features}, >= 1
 * @param scoreThreshold minimum attention score of a kept keypoint; default 100; key
 *                       {@code delf.score-threshold}, >= 0
 * @param pca            apply PCA when PCA parameters are found (see {@link #pcaDir}); default true; key
 *                       {@code delf.pca}
 * @param pcaDim         output dimensions after PCA; default 40; key {@code delf.pca-dim}, >= 1
 * @param pcaWhitening   divide each PCA component by the square root of its variance (needs pca_vars.datum);
 *                       default false; key {@code delf.pca-whitening}
 * @param pcaDir         where mean.datum / pca_proj_mat.datum / pca_vars.datum live; empty = look in
 *                       {@code <model>/pca} then {@code <model>/../pca} (the layout of the official tarballs);
 *                       key {@code delf.pca-dir}
 */
public record DelfConfig(Path modelDir, List<Float> imageScales, int maxFeatures, float scoreThreshold,
                         boolean pca, int pcaDim, boolean pcaWhitening, Optional<Path> pcaDir) {
    public static final List<Float> DEFAULT_SCALES = List.of(0.25f, 0.3536f, 0.5f, 0.7071f, 1.0f, 1.4142f, 2.0f);
    public static final int DEFAULT_MAX_FEATURES = 1000;
    public static final float DEFAULT_SCORE_THRESHOLD = 100f;
    public static final int DEFAULT_PCA_DIM = 40;
    /** Largest pyramid scale accepted: 8x upsampling already means 64x the pixels. */
    static final float MAX_SCALE = 8f;

    public DelfConfig {
        if (modelDir == null) {
            throw new IllegalArgumentException("delf.model-dir must be set for DELF");
        }
        imageScales = List.copyOf(imageScales);
        if (imageScales.isEmpty()) {
            throw new IllegalArgumentException("delf.scales must list at least one scale");
        }
        for (float s : imageScales) {
            if (!(s > 0f && s <= MAX_SCALE)) {
                throw new IllegalArgumentException("delf.scales: each scale must be in (0, " + MAX_SCALE
                        + "], got " + s);
            }
        }
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("delf.max-features must be >= 1, was " + maxFeatures);
        }
        if (!(scoreThreshold >= 0f) || !Float.isFinite(scoreThreshold)) {
            throw new IllegalArgumentException("delf.score-threshold must be finite and >= 0, was "
                    + scoreThreshold);
        }
        if (pcaDim < 1) {
            throw new IllegalArgumentException("delf.pca-dim must be >= 1, was " + pcaDim);
        }
        pcaDir = pcaDir == null ? Optional.empty() : pcaDir;
    }

    /** The official defaults for a model directory. */
    public static DelfConfig defaults(Path modelDir) {
        return new DelfConfig(modelDir, DEFAULT_SCALES, DEFAULT_MAX_FEATURES, DEFAULT_SCORE_THRESHOLD,
                true, DEFAULT_PCA_DIM, false, Optional.empty());
    }

    /** DELF settings when {@code delf.model-dir} is set, otherwise empty (DELF not wanted). */
    public static Optional<DelfConfig> from(Settings s) {
        return s.path("delf.model-dir").map(dir -> new DelfConfig(dir,
                s.find("delf.scales").map(DelfConfig::parseScales).orElse(DEFAULT_SCALES),
                s.integer("delf.max-features", DEFAULT_MAX_FEATURES),
                (float) s.decimal("delf.score-threshold", DEFAULT_SCORE_THRESHOLD),
                s.flag("delf.pca", true),
                s.integer("delf.pca-dim", DEFAULT_PCA_DIM),
                s.flag("delf.pca-whitening", false),
                s.path("delf.pca-dir")));
    }

    /** The PCA parameter directory to use, if PCA is on and one holds the required files. */
    public Optional<Path> resolvedPcaDir() {
        if (!pca) {
            return Optional.empty();
        }
        List<Path> candidates = pcaDir.map(List::of).orElseGet(() -> {
            Path model = modelDir.toAbsolutePath().normalize();
            Path parent = model.getParent();
            return parent == null ? List.of(model.resolve("pca")) : List.of(model.resolve("pca"), parent.resolve("pca"));
        });
        return candidates.stream().filter(PcaProjection::present).findFirst();
    }

    public float[] scalesArray() {
        float[] out = new float[imageScales.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = imageScales.get(i);
        }
        return out;
    }

    static List<Float> parseScales(String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .map(Float::parseFloat).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("delf.scales: not a comma-separated list of numbers: " + text, e);
        }
    }

    /** True when {@code dir} looks like a SavedModel (cheap check before loading natives). */
    static boolean isSavedModel(Path dir) {
        return Files.isRegularFile(dir.resolve("saved_model.pb"));
    }
}
