package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Candidate;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import dev.landmarks.verifier.decide.Decision;
import dev.landmarks.verifier.verify.Verdict;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deterministic stand-ins for the geometric verifier and the decision policy, so topology tests can predict every
 * answer: a photo's "scene" is carried in LocalFeatures.image_height; a reference of the query's scene gives
 * {@link #MATCH_INLIERS} inliers, any other {@link #MISMATCH_INLIERS}. Records every call it gets.
 */
final class SceneMatcher implements VerifyFunction, DecideFunction {
    static final int MATCH_INLIERS = 50;
    static final int MISMATCH_INLIERS = 2;
    static final int THRESHOLD = 35;

    /** landmark id -> number of verify calls for it. */
    final Map<String, AtomicInteger> verifyCalls = new ConcurrentHashMap<>();
    /** The reference image ids each verify call received, in order. */
    final List<List<String>> referencesSeen = new CopyOnWriteArrayList<>();
    final List<List<Verdict>> decided = new CopyOnWriteArrayList<>();

    @Override
    public Verdict verify(LocalFeatures query, String landmarkId, float candidateScore,
                          List<ReferenceFeatures> references) {
        verifyCalls.computeIfAbsent(landmarkId, k -> new AtomicInteger()).incrementAndGet();
        referencesSeen.add(references.stream().map(ReferenceFeatures::getImageId).toList());
        int best = -1;
        String bestReference = "";
        for (ReferenceFeatures r : references) {
            int inliers = r.getFeatures().getImageHeight() == query.getImageHeight() ? MATCH_INLIERS : MISMATCH_INLIERS;
            if (inliers > best) {
                best = inliers;
                bestReference = r.getImageId();
            }
        }
        return new Verdict(landmarkId, candidateScore, best, best, bestReference, references.size());
    }

    @Override
    public Decision decide(List<Verdict> verdicts) {
        decided.add(verdicts);
        Verdict best = verdicts.stream().max((a, b) -> Integer.compare(a.inliers(), b.inliers())).orElseThrow();
        if (best.inliers() < THRESHOLD) {
            return new Decision(Result.Status.NO_LANDMARK, "", 0f, 0, "");
        }
        float score = Math.min(best.inliers(), 70) / 70f + best.candidateScore();
        return new Decision(Result.Status.RECOGNIZED, best.landmarkId(), score, best.inliers(), best.referenceImageId());
    }

    int totalVerifyCalls() {
        return verifyCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    static LocalFeatures query(String imageId, int scene) {
        return LocalFeatures.newBuilder()
                .setImageId(imageId).setExtractor("rootsift-v1").setImageWidth(640).setImageHeight(scene)
                .addX(1f).addY(2f).addScale(3f).addStrength(4f)
                .setSourceUrl("https://example.org/" + imageId + ".jpg").setRequestedAtMs(1_000L)
                .addTimings(StageTiming.newBuilder().setStage("fetch").setMillis(5))
                .addTimings(StageTiming.newBuilder().setStage("features").setMillis(7))
                .build();
    }

    static ReferenceFeatures reference(String landmarkId, String imageId, int scene) {
        return ReferenceFeatures.newBuilder()
                .setLandmarkId(landmarkId).setImageId(imageId)
                .setFeatures(LocalFeatures.newBuilder().setImageId(imageId).setImageHeight(scene)
                        .setLandmarkId(landmarkId).setExtractor("rootsift-v1"))
                .build();
    }

    /** Candidates as landmark id, score, landmark id, score ... (best first). */
    static Candidates candidates(String imageId, Object... landmarkAndScore) {
        Candidates.Builder c = Candidates.newBuilder().setImageId(imageId).setModelId("cnn:test")
                .setSourceUrl("https://example.org/" + imageId + ".jpg").setRequestedAtMs(1_000L)
                .addTimings(StageTiming.newBuilder().setStage("fetch").setMillis(5))
                .addTimings(StageTiming.newBuilder().setStage("candidates").setMillis(3));
        for (int i = 0; i < landmarkAndScore.length; i += 2) {
            c.addCandidates(Candidate.newBuilder().setLandmarkId((String) landmarkAndScore[i])
                    .setScore(((Number) landmarkAndScore[i + 1]).floatValue()));
        }
        return c.build();
    }
}
