package dev.landmarks.common.features;

import java.util.Arrays;

/**
 * Local features of one image in memory: keypoints as parallel arrays (strongest first) and descriptors row-major.
 * The wire form is the protobuf {@code LocalFeatures}; {@link FeaturesCodec} converts between the two.
 *
 * @param extractor   extractor name and version ("rootsift-v1", "delf:&lt;hash&gt;")
 * @param width       width of the pixel grid the coordinates refer to
 * @param height      height of that grid
 * @param x           keypoint x in pixels
 * @param y           keypoint y in pixels
 * @param scale       keypoint scale in pixels
 * @param strength    detector response / attention (higher = stronger)
 * @param orientation degrees, or an empty array when the extractor has none
 * @param dim         values per descriptor
 * @param descriptors {@code size() * dim} values, row-major
 */
public record Features(String extractor, int width, int height,
                       float[] x, float[] y, float[] scale, float[] strength, float[] orientation,
                       int dim, float[] descriptors) {
    public Features {
        int n = x.length;
        if (y.length != n || scale.length != n || strength.length != n) {
            throw new IllegalArgumentException("keypoint arrays differ in length");
        }
        if (orientation.length != 0 && orientation.length != n) {
            throw new IllegalArgumentException("orientation must be empty or one per keypoint");
        }
        if (dim < 0 || descriptors.length != (long) n * dim) {
            throw new IllegalArgumentException(
                    "descriptors hold " + descriptors.length + " values, expected " + n + " x " + dim);
        }
    }

    public static Features empty(String extractor, int width, int height, int dim) {
        float[] none = new float[0];
        return new Features(extractor, width, height, none, none, none, none, none, dim, none);
    }

    public int size() {
        return x.length;
    }

    /** A copy of descriptor {@code i}. */
    public float[] descriptor(int i) {
        return Arrays.copyOfRange(descriptors, i * dim, (i + 1) * dim);
    }
}
