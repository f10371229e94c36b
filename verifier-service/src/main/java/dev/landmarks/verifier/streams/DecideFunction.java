package dev.landmarks.verifier.streams;

import dev.landmarks.verifier.decide.Decision;
import dev.landmarks.verifier.verify.Verdict;

import java.util.List;

/**
 * Turns the verdicts of all candidates of one image into its answer. Called once per image, with at least one
 * verdict, in candidate order (best candidate first); must be thread-safe.
 */
@FunctionalInterface
public interface DecideFunction {
    Decision decide(List<Verdict> verdicts);
}
