package dev.landmarks.classifier.candidates;

/** A reference input (image or features) with the landmark it shows. */
public record LabelledInput<I>(String imageId, String landmarkId, I input) {
}
