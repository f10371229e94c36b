package dev.landmarks.verifier.bench;

import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.decide.Decision;
import dev.landmarks.verifier.verify.Verdict;
import dev.landmarks.proto.Result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Turns the pair table of one variant into one prediction per query under a scoring rule, for the measurements of
 * what each step buys. A rule = landmark evidence from its references' rows, a verification test, and an optional
 * margin over the runner-up landmark.
 */
final class Scoring {
    /** How a landmark's references add up to evidence. */
    enum Evidence {
        /** inliers of the best reference */
        BEST(rows -> rows.get(0).inliers()),
        /** inliers of the best two references added */
        TOP2(rows -> rows.get(0).inliers() + (rows.size() > 1 ? rows.get(1).inliers() : 0)),
        /** query grid cells covered by the best reference's inliers */
        CELLS(rows -> rows.get(0).cells()),
        /** best reference's inliers, capped at 4 per covered cell (a pile-up in few cells counts little) */
        CAPPED(rows -> Math.min(rows.get(0).inliers(), 4 * rows.get(0).cells()));

        private final ToDoubleFunction<List<PairRow>> f;

        Evidence(ToDoubleFunction<List<PairRow>> f) {
            this.f = f;
        }

        double of(List<PairRow> sortedRows) {
            return f.applyAsDouble(sortedRows);
        }
    }

    /**
     * @param minInliers  best reference needs this many inliers to count as verified (0 = answer everything)
     * @param minCells    and this many covered cells
     * @param margin      subtract this share of the runner-up landmark's evidence
     */
    record Rule(Evidence evidence, int minInliers, int minCells, double margin) {
    }

    private Scoring() {
    }

    /** rows of one variant, grouped query -> landmark -> rows sorted by inliers (desc). */
    static Map<String, Map<String, List<PairRow>>> group(List<PairRow> rows, String variant,
                                                         Map<String, String> landmarkOfReference) {
        Map<String, Map<String, List<PairRow>>> out = new TreeMap<>();
        for (PairRow r : rows) {
            if (r.variant().equals(variant)) {
                out.computeIfAbsent(r.queryId(), k -> new TreeMap<>())
                        .computeIfAbsent(landmarkOfReference.get(r.referenceId()), k -> new ArrayList<>()).add(r);
            }
        }
        out.values().forEach(m -> m.values().forEach(l -> l.sort(
                Comparator.comparingInt(PairRow::inliers).reversed().thenComparing(PairRow::referenceId))));
        return out;
    }

    static List<Gap.Prediction> predict(Map<String, Map<String, List<PairRow>>> grouped, Rule rule,
                                        Map<String, String> truth) {
        List<Gap.Prediction> out = new ArrayList<>();
        for (var q : grouped.entrySet()) {
            String best = null;
            double bestE = -1;
            double second = 0;
            for (var l : q.getValue().entrySet()) {
                double e = rule.evidence().of(l.getValue());
                if (e > bestE) {
                    second = Math.max(second, bestE);
                    bestE = e;
                    best = l.getKey();
                } else {
                    second = Math.max(second, e);
                }
            }
            PairRow top = q.getValue().get(best).get(0);
            boolean verified = top.inliers() >= rule.minInliers() && top.cells() >= rule.minCells();
            double score = bestE - rule.margin() * Math.max(0, second);
            out.add(new Gap.Prediction(q.getKey(), verified ? best : "", score, truth.get(q.getKey())));
        }
        return out;
    }

    /** The same through the production {@link DecisionPolicy}, with verdicts as a non-stopping verifier makes them. */
    static List<Gap.Prediction> predict(Map<String, Map<String, List<PairRow>>> grouped, DecisionPolicy policy,
                                        int minInliers, Map<String, String> truth) {
        List<Gap.Prediction> out = new ArrayList<>();
        for (var q : grouped.entrySet()) {
            List<Verdict> verdicts = q.getValue().entrySet().stream().map(l -> {
                PairRow top = l.getValue().get(0);
                int verified = (int) l.getValue().stream().filter(r -> r.inliers() >= minInliers).count();
                return new Verdict(l.getKey(), 1f, top.inliers(), top.inliers(), top.referenceId(),
                        l.getValue().size(), top.cells(), verified);
            }).collect(Collectors.toList());
            Decision d = policy.decide(verdicts);
            boolean answered = d.status() == Result.Status.RECOGNIZED;
            out.add(new Gap.Prediction(q.getKey(), answered ? d.landmarkId() : "", d.score(), truth.get(q.getKey())));
        }
        return out;
    }
}
