package dev.landmarks.classifier.serve;

import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.LocalFeatures;

/** Reads {@code landmark.features}: the input of the weight-free retrieval generator. */
public final class FeaturesInputReader implements InputReader<Features> {
    @Override
    public String inputTopic() {
        return Topics.FEATURES.name();
    }

    @Override
    public Envelope<Features> read(byte[] value) {
        LocalFeatures f = Topics.FEATURES.valueSerde().deserializer().deserialize(Topics.FEATURES.name(), value);
        return new Envelope<>(f.getImageId(), f.getSourceUrl(), f.getRequestedAtMs(), f.getLandmarkId(),
                f.getTimingsList(), () -> FeaturesCodec.fromProto(f));
    }
}
