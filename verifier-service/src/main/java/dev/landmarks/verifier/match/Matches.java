package dev.landmarks.verifier.match;

/**
 * Tentative correspondences between a query and a reference, as parallel arrays sorted by ascending distance.
 *
 * @param query     keypoint index in the query
 * @param reference keypoint index in the reference
 * @param distance  L2 distance between the two descriptors (Hellinger distance for RootSIFT)
 */
public record Matches(int[] query, int[] reference, float[] distance) {
    public Matches {
        if (reference.length != query.length || distance.length != query.length) {
            throw new IllegalArgumentException("match arrays differ in length");
        }
    }

    public static Matches none() {
        return new Matches(new int[0], new int[0], new float[0]);
    }

    public int size() {
        return query.length;
    }
}
