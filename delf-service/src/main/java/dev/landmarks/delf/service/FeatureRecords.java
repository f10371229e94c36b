package dev.landmarks.delf.service;

import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Packs features into a LocalFeatures message no larger than a byte budget. Kafka refuses a record above the
 * topic's max.message.bytes, and inside a transactional batch that refusal would stop the whole loop; so when
 * the message is too large the weakest keypoints (the tail: features are strongest first) are dropped until it fits.
 */
public final class FeatureRecords {
    /** Aim a little below the budget after a cut, so one cut is enough despite varint and header overhead. */
    private static final double CUT_MARGIN = 0.98;

    private FeatureRecords() {
    }

    /**
     * @param decorate adds ids, labels and timings (they count against the budget too)
     */
    public static LocalFeatures fitted(Features features, DescriptorEncoding encoding, int maxBytes,
                                UnaryOperator<LocalFeatures.Builder> decorate) {
        Features current = features;
        LocalFeatures message = decorate.apply(FeaturesCodec.toProto(current, encoding)).build();
        while (message.getSerializedSize() > maxBytes && current.size() > 0) {
            int keep = (int) Math.min(current.size() - 1L,
                    (long) (current.size() * CUT_MARGIN * maxBytes / message.getSerializedSize()));
            current = strongest(current, Math.max(keep, 0));
            message = decorate.apply(FeaturesCodec.toProto(current, encoding)).build();
        }
        return message;
    }

    /** The first {@code n} keypoints (the strongest). */
    static Features strongest(Features f, int n) {
        return new Features(f.extractor(), f.width(), f.height(),
                Arrays.copyOf(f.x(), n), Arrays.copyOf(f.y(), n), Arrays.copyOf(f.scale(), n),
                Arrays.copyOf(f.strength(), n),
                f.orientation().length == 0 ? f.orientation() : Arrays.copyOf(f.orientation(), n),
                f.dim(), Arrays.copyOf(f.descriptors(), n * f.dim()));
    }
}
