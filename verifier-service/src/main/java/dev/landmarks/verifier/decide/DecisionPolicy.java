package dev.landmarks.verifier.decide;

import dev.landmarks.proto.Result;
import dev.landmarks.verifier.verify.Verdict;

import java.util.Comparator;
import java.util.List;

/**
 * Turns the verdicts of one image (one per candidate landmark) into its {@link Decision}. Verified candidates
 * (enough inliers, and enough spread when required) rank above unverified ones; among equals the higher combined term
 * wins: inlierWeight * min(inliers, saturation) / saturation + (1 - inlierWeight) * candidate score, optionally minus a
 * share of the runner-up landmark's inlier term.
 * <p>
 * Scores of verified answers lie in [0.5, 1]. When nothing is verified the answer is NO_LANDMARK, naming the best
 * candidate with its score below 0.5 (for ranked submissions), or with {@link DecisionConfig#guessWhenUnverified()}
 * RECOGNIZED with that low score.
 */
public final class DecisionPolicy {
    private static final float VERIFIED_FLOOR = 0.5f;

    private final DecisionConfig config;

    public DecisionPolicy(DecisionConfig config) {
        this.config = config;
    }

    public DecisionConfig config() {
        return config;
    }

    public Decision decide(List<Verdict> verdicts) {
        Verdict best = verdicts.stream()
                .max(Comparator.comparing(this::verified).thenComparingDouble(this::term)
                        .thenComparing(Verdict::landmarkId, Comparator.reverseOrder()))
                .orElse(null);
        if (best == null) {
            return new Decision(Result.Status.NO_LANDMARK, "", 0f, 0, "");
        }
        double runnerUp = verdicts.stream().filter(v -> v != best).mapToDouble(this::inlierTerm).max().orElse(0);
        double t = Math.max(0, term(best) - config.inlierWeight() * config.marginWeight() * runnerUp);
        boolean verified = verified(best);
        float score = verified
                ? VERIFIED_FLOOR + (float) (VERIFIED_FLOOR * t)
                : Math.min((float) (VERIFIED_FLOOR * t), Math.nextDown(VERIFIED_FLOOR));
        Result.Status status = verified || config.guessWhenUnverified()
                ? Result.Status.RECOGNIZED : Result.Status.NO_LANDMARK;
        return new Decision(status, best.landmarkId(), score, best.inliers(), best.referenceImageId());
    }

    /** Whether a verdict's geometry is strong enough to call the landmark verified. */
    public boolean verified(Verdict v) {
        return v.inliers() >= config.minInliers() && v.spreadCells() >= config.minSpreadCells();
    }

    private double inlierTerm(Verdict v) {
        return (double) Math.min(v.inliers(), config.saturation()) / config.saturation();
    }

    private double term(Verdict v) {
        double candidate = Math.max(0, Math.min(1, v.candidateScore()));
        return config.inlierWeight() * inlierTerm(v) + (1 - config.inlierWeight()) * candidate;
    }
}
