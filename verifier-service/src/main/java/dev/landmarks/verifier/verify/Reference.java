package dev.landmarks.verifier.verify;

import dev.landmarks.common.features.Features;

/** One reference photo of a landmark with its local features. */
public record Reference(String landmarkId, String imageId, Features features) {
}
