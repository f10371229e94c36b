package dev.landmarks.verifier.streams;

import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.verify.GeometricVerifier;
import dev.landmarks.verifier.verify.Reference;

import java.util.List;

/**
 * Plugs the real verification into the topology: the wire messages are decoded into features and handed to
 * {@link GeometricVerifier}; the decision is {@link DecisionPolicy}'s. Both are stateless, so one instance serves
 * every stream thread.
 */
public final class GeometricVerification {
    private GeometricVerification() {
    }

    public static VerifyFunction verify(GeometricVerifier verifier) {
        return (query, landmarkId, candidateScore, references) -> {
            List<Reference> refs = references.stream().map(GeometricVerification::reference).toList();
            return verifier.verify(FeaturesCodec.fromProto(query), landmarkId, candidateScore, refs);
        };
    }

    public static DecideFunction decide(DecisionPolicy policy) {
        return policy::decide;
    }

    private static Reference reference(ReferenceFeatures r) {
        return new Reference(r.getLandmarkId(), r.getImageId(), FeaturesCodec.fromProto(r.getFeatures()));
    }
}
