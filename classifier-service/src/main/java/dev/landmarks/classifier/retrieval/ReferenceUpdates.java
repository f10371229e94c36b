package dev.landmarks.classifier.retrieval;

import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.proto.ReferenceFeatures;

/**
 * Applies one record of the compacted landmark.references topic to a {@link RetrievalIndex}: a value adds (or
 * replaces) the reference photo, a tombstone (null value) removes it. Keys are "landmark/image id"; the image id is
 * what identifies a photo in the index, so a tombstone needs nothing but the key.
 */
public final class ReferenceUpdates {
    private ReferenceUpdates() {
    }

    /** @return true when the index changed */
    public static boolean apply(RetrievalIndex index, String key, ReferenceFeatures value) {
        if (value == null) {
            return index.remove(imageId(key));
        }
        String imageId = value.getImageId().isEmpty() ? imageId(key) : value.getImageId();
        String landmarkId = value.getLandmarkId().isEmpty() ? landmarkId(key) : value.getLandmarkId();
        index.add(new Reference(landmarkId, imageId, FeaturesCodec.fromProto(value.getFeatures())));
        return true;
    }

    static String imageId(String key) {
        int slash = requireSlash(key);
        return key.substring(slash + 1);
    }

    static String landmarkId(String key) {
        return key.substring(0, requireSlash(key));
    }

    private static int requireSlash(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("a landmark.references key is \"landmark/image id\", was " + key);
        }
        return slash;
    }
}
