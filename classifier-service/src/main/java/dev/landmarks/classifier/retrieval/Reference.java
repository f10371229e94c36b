package dev.landmarks.classifier.retrieval;

import dev.landmarks.common.features.Features;

/** One reference photo of a known landmark with its local features (a record of landmark.references). */
public record Reference(String landmarkId, String imageId, Features features) {
    public Reference {
        if (landmarkId == null || landmarkId.isBlank()) {
            throw new IllegalArgumentException("reference landmark id must not be blank");
        }
        if (imageId == null || imageId.isBlank()) {
            throw new IllegalArgumentException("reference image id must not be blank");
        }
        if (features == null) {
            throw new IllegalArgumentException("reference " + imageId + " has no features");
        }
    }
}
