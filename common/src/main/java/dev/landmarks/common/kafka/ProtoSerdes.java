package dev.landmarks.common.kafka;

import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.ImageRequest;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.proto.Result;

/** One serde instance per wire message. */
public final class ProtoSerdes {
    public static final ProtoSerde<ImageRequest> REQUEST = new ProtoSerde<>(ImageRequest.parser(), ImageRequest.class);
    public static final ProtoSerde<Image> IMAGE = new ProtoSerde<>(Image.parser(), Image.class);
    public static final ProtoSerde<LocalFeatures> FEATURES = new ProtoSerde<>(LocalFeatures.parser(), LocalFeatures.class);
    public static final ProtoSerde<Candidates> CANDIDATES = new ProtoSerde<>(Candidates.parser(), Candidates.class);
    public static final ProtoSerde<ReferenceFeatures> REFERENCES =
            new ProtoSerde<>(ReferenceFeatures.parser(), ReferenceFeatures.class);
    public static final ProtoSerde<Result> RESULTS = new ProtoSerde<>(Result.parser(), Result.class);

    private ProtoSerdes() {
    }
}
