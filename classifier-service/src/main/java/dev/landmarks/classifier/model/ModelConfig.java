package dev.landmarks.classifier.model;

import dev.landmarks.common.config.Settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to load and feed a SavedModel.
 *
 * @param directory        the model directory ({@code classifier.model-dir}, env LANDMARKS_CLASSIFIER_MODEL_DIR; required)
 * @param signature        serving signature key ({@code classifier.signature}, default {@value #DEFAULT_SIGNATURE})
 * @param normalization    input normalisation ({@code classifier.normalization}: unit, symmetric, caffe, torch); empty =
 *                         what the directory's model.properties records, else {@link Normalization#UNIT}
 * @param defaultInputSize square input side used when the signature leaves height/width open (-1)
 *                         ({@code classifier.input-size}, default {@value #DEFAULT_INPUT_SIZE})
 */
public record ModelConfig(Path directory, String signature, Optional<Normalization> normalization, int defaultInputSize) {
    public static final String DEFAULT_SIGNATURE = "serving_default";
    public static final int DEFAULT_INPUT_SIZE = 128;

    public ModelConfig {
        if (directory == null) {
            throw new IllegalArgumentException("classifier.model-dir is required for a CNN candidate generator");
        }
        if (signature == null || signature.isBlank()) {
            throw new IllegalArgumentException("classifier.signature must not be blank");
        }
        if (defaultInputSize < 8 || defaultInputSize > 2048) {
            throw new IllegalArgumentException("classifier.input-size must be in [8, 2048], was " + defaultInputSize);
        }
    }

    public static ModelConfig of(Path directory) {
        return new ModelConfig(directory, DEFAULT_SIGNATURE, Optional.empty(), DEFAULT_INPUT_SIZE);
    }

    public static ModelConfig from(Settings s) {
        return new ModelConfig(
                s.path("classifier.model-dir").orElse(null),
                s.string("classifier.signature", DEFAULT_SIGNATURE),
                s.find("classifier.normalization").map(Normalization::parse),
                s.integer("classifier.input-size", DEFAULT_INPUT_SIZE));
    }
}
