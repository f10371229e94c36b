package dev.landmarks.it.photos;

/**
 * One bundled sample photo, shrunk for the tests.
 *
 * @param id         the Kaggle image id (file name without extension)
 * @param path       path under {@code sample/}, e.g. "train/sacre_coeur/1054b7e1d15a7ef7.jpg"
 * @param landmarkId the label of a reference (train) photo; empty for a query (test) photo
 * @param jpeg       the photo shrunk to the scenario's size and re-encoded as JPEG
 * @param width      width of {@code jpeg} in pixels
 * @param height     height of {@code jpeg} in pixels
 */
public record SamplePhoto(String id, String path, String landmarkId, byte[] jpeg, int width, int height) {
    public boolean isReference() {
        return !landmarkId.isEmpty();
    }
}
