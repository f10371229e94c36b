package dev.landmarks.verifier.streams;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;

/**
 * How records are spread by landmark id: the reference index ({@code landmark.references}, key
 * {@code "<landmark>/<image id>"}) and the verifier's verification tasks (key = landmark id) must put a landmark on
 * the same partition number, so the task lands on the instance whose local store holds that landmark's references.
 * The function is murmur2 of the landmark id's UTF-8 bytes, the same as Kafka's default partitioner applied to a
 * String key equal to the landmark id.
 */
public final class LandmarkPartitioning {
    /** Separates the landmark id from the image id in reference keys; landmark ids must not contain it. */
    public static final char KEY_SEPARATOR = '/';

    private LandmarkPartitioning() {
    }

    /** The key of one reference photo on {@code landmark.references}. */
    public static String referenceKey(String landmarkId, String imageId) {
        if (landmarkId == null || landmarkId.isEmpty() || landmarkId.indexOf(KEY_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("landmark id must be non-empty and free of '" + KEY_SEPARATOR
                    + "': '" + landmarkId + "'");
        }
        return landmarkId + KEY_SEPARATOR + imageId;
    }

    /** The landmark part of a reference key (everything before the first separator), or the whole key without one. */
    public static String landmarkOf(String referenceKey) {
        int cut = referenceKey.indexOf(KEY_SEPARATOR);
        return cut < 0 ? referenceKey : referenceKey.substring(0, cut);
    }

    /** The prefix every reference key of {@code landmarkId} starts with. */
    public static String keyPrefix(String landmarkId) {
        return landmarkId + KEY_SEPARATOR;
    }

    /** The partition, out of {@code partitions}, that holds {@code landmarkId}. */
    public static int partition(String landmarkId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(landmarkId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
