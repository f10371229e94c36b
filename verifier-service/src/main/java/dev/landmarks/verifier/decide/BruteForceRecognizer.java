package dev.landmarks.verifier.decide;

import dev.landmarks.common.features.Features;
import dev.landmarks.verifier.verify.GeometricVerifier;
import dev.landmarks.verifier.verify.Reference;
import dev.landmarks.verifier.verify.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recognition without a candidate generator, for measuring verification alone: the query is verified against every
 * landmark of the index (each with the same candidate score) and the {@link DecisionPolicy} decides. Landmarks are
 * visited in id order so results do not depend on map iteration order.
 */
public final class BruteForceRecognizer {
    /** Every landmark is an equally likely candidate when no generator ranks them. */
    private static final float UNIFORM_CANDIDATE_SCORE = 1f;

    private final GeometricVerifier verifier;
    private final DecisionPolicy policy;

    public BruteForceRecognizer(GeometricVerifier verifier, DecisionPolicy policy) {
        this.verifier = verifier;
        this.policy = policy;
    }

    public Decision recognise(Features query, Map<String, List<Reference>> referencesByLandmark) {
        return policy.decide(verdicts(query, referencesByLandmark));
    }

    /** One verdict per landmark, in landmark id order. */
    public List<Verdict> verdicts(Features query, Map<String, List<Reference>> referencesByLandmark) {
        List<Verdict> out = new ArrayList<>();
        for (var e : new TreeMap<>(referencesByLandmark).entrySet()) {
            out.add(verifier.verify(query, e.getKey(), UNIFORM_CANDIDATE_SCORE, e.getValue()));
        }
        return out;
    }
}
