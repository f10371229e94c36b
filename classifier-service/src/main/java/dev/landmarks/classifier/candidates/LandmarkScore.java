package dev.landmarks.classifier.candidates;

/** One proposed landmark and the generator's confidence (higher = more likely; comparable within one image). */
public record LandmarkScore(String landmarkId, float score) {
    public LandmarkScore {
        if (landmarkId == null || landmarkId.isBlank()) {
            throw new IllegalArgumentException("landmark id must not be blank");
        }
    }
}
