package dev.landmarks.cli.explain;

import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.cli.index.IndexConfig;
import dev.landmarks.cli.index.ReferenceSelection;
import dev.landmarks.common.config.Settings;
import dev.landmarks.proto.Result;
import dev.landmarks.verifier.decide.BruteForceRecognizer;
import dev.landmarks.verifier.decide.Decision;
import dev.landmarks.verifier.decide.DecisionConfig;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.verify.GeometricVerifier;
import dev.landmarks.verifier.verify.Reference;
import dev.landmarks.verifier.verify.Verdict;
import dev.landmarks.verifier.verify.VerifyConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognition of one query without a candidate generator: the references the index would hold
 * ({@link ReferenceSelection}, {@code index.per-landmark}) are fetched and extracted, every landmark is verified with
 * the pipeline's {@link GeometricVerifier} and the {@link DecisionPolicy} decides. Every landmark counts as a
 * candidate with score 1, so the score can differ from a run's, where retrieval scores the candidates.
 */
final class ReferenceSearch {
    private ReferenceSearch() {
    }

    /**
     * @param verdicts one per landmark, most inliers first (ties: landmark id)
     * @param failures references that could not be read, with why
     */
    record Outcome(Answer answer, List<Verdict> verdicts, List<String> failures) {
    }

    static Outcome search(Explainer explainer, Settings settings, Photo query, List<ImageRow> train, Path trainFolder) {
        Map<String, List<Reference>> byLandmark = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (ImageRow row : ReferenceSelection.select(train, IndexConfig.from(settings).perLandmark())) {
            try {
                Photo p = explainer.reference(row, trainFolder);
                byLandmark.computeIfAbsent(row.landmarkId(), k -> new ArrayList<>())
                        .add(new Reference(row.landmarkId(), row.id(), p.features()));
            } catch (RuntimeException e) {
                failures.add(row.id() + ": " + e.getMessage());
            }
        }
        if (byLandmark.isEmpty()) {
            throw new IllegalArgumentException("no reference photo could be read from train.csv");
        }
        DecisionPolicy policy = new DecisionPolicy(DecisionConfig.from(settings));
        BruteForceRecognizer recognizer = new BruteForceRecognizer(new GeometricVerifier(VerifyConfig.from(settings)),
                policy);
        List<Verdict> verdicts = new ArrayList<>(recognizer.verdicts(query.features(), byLandmark));
        verdicts.sort(Comparator.comparingInt(Verdict::inliers).reversed().thenComparing(Verdict::landmarkId));
        Decision d = policy.decide(verdicts);
        Answer answer;
        if (d.status() == Result.Status.RECOGNIZED) {
            answer = new Answer(query.id(), d.status(), d.landmarkId(), d.referenceImageId(), d.inliers(), d.score());
        } else if (verdicts.get(0).inliers() > 0) {
            answer = Answer.unverified(query.id(), verdicts.get(0));
        } else {
            answer = new Answer(query.id(), Result.Status.NO_LANDMARK, "", "", 0, 0f);
        }
        return new Outcome(answer, verdicts, failures);
    }
}
