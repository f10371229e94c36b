package dev.landmarks.sink.submission;

/**
 * One query's predicted landmark with its confidence, as a submission row carries it ("landmark_id score").
 *
 * @param id         the query image id
 * @param landmarkId the predicted landmark, no whitespace (the submission format separates with a space)
 * @param score      higher = more confident; only the order of scores matters to GAP
 */
public record Prediction(String id, String landmarkId, double score) {
    public Prediction {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs a query id");
        }
        if (landmarkId == null || landmarkId.isEmpty() || landmarkId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("query " + id + ": landmark id must be non-empty without whitespace, was '"
                    + landmarkId + "'");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("query " + id + ": score must be a finite number, was " + score);
        }
    }
}
