package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Candidate;
import dev.landmarks.proto.Candidates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the candidates several generators (a CNN, retrieval) proposed for one image. Their scores are on different
 * scales (softmax probabilities, similarities), so each source's scores become shares of that source's total, and a
 * landmark's merged score is its mean share over the sources (0 from a source that did not list it): a landmark both
 * propose comes first. The merged message lists every landmark any source proposed, best first, and carries the
 * model ids joined by "+" in arrival order. While sources are still missing the accumulated message keeps each source's
 * shares as they came; {@link #finish} averages them.
 */
final class CandidateMerge {
    static final String SEPARATOR = "+";

    private CandidateMerge() {
    }

    /** The distinct model ids that have answered so far. */
    static Set<String> sources(Candidates accumulated) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : accumulated.getModelId().split("\\" + SEPARATOR, -1)) {
            out.add(id);
        }
        return out;
    }

    /**
     * Adds one generator's answer to what has accumulated (null for the first). A second answer from a model id that
     * has answered already (a re-delivery) is ignored.
     */
    static Candidates add(Candidates accumulated, Candidates incoming) {
        Candidates shares = asShares(incoming);
        if (accumulated == null) {
            return shares;
        }
        if (sources(accumulated).contains(incoming.getModelId())) {
            return accumulated;
        }
        Candidates.Builder merged = accumulated.toBuilder()
                .setModelId(accumulated.getModelId() + SEPARATOR + incoming.getModelId())
                .addAllCandidates(shares.getCandidatesList());
        Set<String> stages = new LinkedHashSet<>();
        accumulated.getTimingsList().forEach(t -> stages.add(t.getStage()));
        incoming.getTimingsList().stream().filter(t -> !stages.contains(t.getStage())).forEach(merged::addTimings);
        if (merged.getSourceUrl().isEmpty()) {
            merged.setSourceUrl(incoming.getSourceUrl());
        }
        if (merged.getRequestedAtMs() == 0) {
            merged.setRequestedAtMs(incoming.getRequestedAtMs());
        }
        return merged.build();
    }

    /** One entry per landmark with its mean share over {@code sources} generators, best first (ties: first listed). */
    static Candidates finish(Candidates accumulated, int sources) {
        if (sources <= 1) {
            return accumulated;
        }
        Map<String, Float> sum = new LinkedHashMap<>();
        for (Candidate c : accumulated.getCandidatesList()) {
            sum.merge(c.getLandmarkId(), c.getScore(), Float::sum);
        }
        List<Candidate> merged = new ArrayList<>();
        sum.forEach((landmark, total) -> merged.add(Candidate.newBuilder().setLandmarkId(landmark)
                .setScore(total / sources).build()));
        merged.sort(Comparator.comparingDouble((Candidate c) -> c.getScore()).reversed());
        return accumulated.toBuilder().clearCandidates().addAllCandidates(merged).build();
    }

    /** A source's candidates with each score divided by the source's total (equal shares when all are zero). */
    private static Candidates asShares(Candidates c) {
        double total = 0;
        Map<String, Float> first = new LinkedHashMap<>();
        for (Candidate x : c.getCandidatesList()) {
            if (first.putIfAbsent(x.getLandmarkId(), Math.max(0f, x.getScore())) == null) {
                total += Math.max(0f, x.getScore());
            }
        }
        Candidates.Builder out = c.toBuilder().clearCandidates();
        for (var e : first.entrySet()) {
            float share = total > 0 ? (float) (e.getValue() / total) : 1f / first.size();
            out.addCandidates(Candidate.newBuilder().setLandmarkId(e.getKey()).setScore(share));
        }
        return out.build();
    }
}
