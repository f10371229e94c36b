package dev.landmarks.verifier.streams;

import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.verify.GeometricVerifier;
import dev.landmarks.verifier.verify.Reference;
import dev.landmarks.verifier.verify.VerifyConfig;

import java.util.List;

/**
 * Plugs the real verification into the topology: the wire messages are decoded into features and handed to
 * {@link GeometricVerifier}; the decision is {@link DecisionPolicy}'s. A verifier holds per-call scratch state, so
 * each stream thread gets its own.
 */
public final class GeometricVerification {
    private GeometricVerification() {
    }

    public static VerifyFunction verify(VerifyConfig config) {
        ThreadLocal<GeometricVerifier> verifiers = ThreadLocal.withInitial(() -> new GeometricVerifier(config));
        return (query, landmarkId, candidateScore, references) -> {
            List<Reference> refs = references.stream().map(GeometricVerification::reference).toList();
            return verifiers.get().verify(FeaturesCodec.fromProto(query), landmarkId, candidateScore, refs);
        };
    }

    public static DecideFunction decide(DecisionPolicy policy) {
        return policy::decide;
    }

    private static Reference reference(ReferenceFeatures r) {
        return new Reference(r.getLandmarkId(), r.getImageId(), FeaturesCodec.fromProto(r.getFeatures()));
    }
}
