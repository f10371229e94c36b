package dev.landmarks.verifier.bench;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.verifier.decide.DecisionConfig;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.match.MatchMode;
import dev.landmarks.verifier.ransac.GeometryModel;
import dev.landmarks.verifier.verify.VerifyConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dev-set evaluation behind the verifier's defaults (docs/verification.md). Brute force: every query of a
 * Kaggle-layout folder against every reference, RootSIFT features extracted once and cached, then GAP and top-1 for
 * the matching modes, MAGSAC thresholds and scoring steps, inlier distributions, and descriptor quantisation loss.
 * Not a test: run it with the command in docs/verification.md. Settings (-Dlandmarks.KEY or LANDMARKS_KEY):
 * eval.data (default ../shared/data/landmarks-dev), eval.cache (default verifier-service/target/eval-cache),
 * eval.steps (default "pairs,quantise"; "scenes" adds the same-scene pairs folder eval.pairs, default
 * ../shared/data/pairs), eval.threads (queries computed at once, default 1), plus rootsift.*, match.*, ransac.*, verify.* for the configuration measured.
 */
public final class DevSetEvaluation {
    private static final int[] T_SWEEP = {8, 10, 12, 15, 18, 20, 25, 30, 35, 40, 50};

    private final DevSet dev;
    private final VerifyConfig verify;
    private final Map<String, Features> features = new HashMap<>();
    private final Map<String, String> landmarkOfReference = new HashMap<>();
    private final Map<String, String> truth = new HashMap<>();

    private final int threads;

    private DevSetEvaluation(DevSet dev, VerifyConfig verify, int threads) {
        this.dev = dev;
        this.threads = threads;
        this.verify = verify;
        dev.references().forEach(r -> landmarkOfReference.put(r.id(), r.landmark()));
        dev.queries().forEach(q -> truth.put(q.id(), q.landmark()));
    }

    public static void main(String[] args) throws IOException {
        Settings s = Settings.fromEnvironment();
        Path data = s.path("eval.data").orElse(Path.of("../shared/data/landmarks-dev"));
        Path cache = s.path("eval.cache").orElse(Files.isDirectory(Path.of("verifier-service"))
                ? Path.of("verifier-service/target/eval-cache") : Path.of("target/eval-cache"));
        Set<String> steps = Set.of(s.string("eval.steps", "pairs,quantise").split(","));
        RootSiftExtractor extractor = new RootSiftExtractor(RootSiftConfig.from(s));
        VerifyConfig verify = VerifyConfig.from(s);
        DevSet dev = DevSet.read(data);
        System.out.printf("dev set %s: %d references, %d queries (%d with a landmark); extractor %s; %s%n", data,
                dev.references().size(), dev.queries().size(), dev.queriesWithLandmark(), extractor.id(), verify);

        DevSetEvaluation eval = new DevSetEvaluation(dev, verify, s.integer("eval.threads", 1));
        FeatureCache fc = new FeatureCache(cache, extractor);
        eval.extractAll(fc);
        Path dir = cache.resolve(extractor.id().replace(':', '_'));
        if (steps.contains("pairs")) {
            PairTable table = new PairTable(verify, eval.threads);
            List<PairRow> rows = table.compute(dir.resolve("pairs.csv"), eval.queryPairs(), eval.features::get, true);
            List<PairRow> refRows = table.compute(dir.resolve("reference-pairs.csv"), eval.sameLandmarkReferencePairs(),
                    eval.features::get, true);
            printTimes("verification per pair (neighbour search + default fit), ms", table.defaultVariantMillis());
            eval.reportVariants(rows);
            eval.reportDistributions(rows, refRows);
            eval.reportThresholds(rows);
            eval.reportSteps(rows);
        }
        if (steps.contains("quantise")) {
            eval.reportQuantisation(dir);
        }
        if (steps.contains("scenes")) {
            eval.reportScenes(s.path("eval.pairs").orElse(Path.of("../shared/data/pairs")), fc);
        }
    }

    /**
     * Same-scene pairs folder (MANIFEST.csv image_path,landmark_id,split with split index or query): every query
     * against every index photo with the configured verification, inliers of same-group and other-group pairs.
     */
    private void reportScenes(Path root, FeatureCache fc) throws IOException {
        List<String[]> manifest = Files.readAllLines(root.resolve("MANIFEST.csv")).stream().skip(1)
                .map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split(",")).toList();
        var verifier = new dev.landmarks.verifier.verify.GeometricVerifier(verify);
        List<Integer> same = new ArrayList<>();
        List<Integer> different = new ArrayList<>();
        List<String> sameDetail = new ArrayList<>();
        for (String[] q : manifest) {
            if (!q[2].equals("query")) {
                continue;
            }
            Features qf = fc.get("scene-" + q[0].replace('/', '_'), root.resolve(q[0]));
            for (String[] r : manifest) {
                if (!r[2].equals("index")) {
                    continue;
                }
                Features rf = fc.get("scene-" + r[0].replace('/', '_'), root.resolve(r[0]));
                int inliers = verifier.compare(qf, new dev.landmarks.verifier.verify.Reference(r[1], r[0], rf))
                        .inliers();
                if (q[1].equals(r[1])) {
                    same.add(inliers);
                    sameDetail.add(q[0] + "->" + r[0] + ":" + inliers);
                } else {
                    different.add(inliers);
                }
            }
        }
        System.out.println("\n### Same-scene pairs folder " + root + " (" + defaultVariant() + ")");
        System.out.println("| pairs | n | min | median | p90 | max |");
        System.out.println("|---|---|---|---|---|---|");
        dist("query x index photo, same scene", ints(same));
        dist("query x index photo, different scene", ints(different));
        System.out.println("same-scene pairs: " + String.join(" ", sameDetail));
    }

    private void extractAll(FeatureCache fc) throws IOException {
        List<DevSet.Photo> all = new ArrayList<>(dev.references());
        all.addAll(dev.queries());
        int i = 0;
        for (DevSet.Photo p : all) {
            features.put(p.id(), fc.get(p.id(), p.path()));
            if (++i % 20 == 0 || i == all.size()) {
                System.out.printf("  features: %d/%d%n", i, all.size());
            }
        }
        printTimes("extraction per image (decoded image -> features), ms", fc.extractionMillis());
        double mean = features.values().stream().mapToInt(Features::size).average().orElse(0);
        System.out.printf("keypoints per image: mean %.0f%n", mean);
    }

    private Map<String, List<String>> queryPairs() {
        List<String> refs = dev.references().stream().map(DevSet.Photo::id).toList();
        Map<String, List<String>> out = new LinkedHashMap<>();
        dev.queries().forEach(q -> out.put(q.id(), refs));
        return out;
    }

    /** Each reference against the later references of its own landmark. */
    private Map<String, List<String>> sameLandmarkReferencePairs() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<DevSet.Photo> refs = dev.references();
        for (int i = 0; i < refs.size(); i++) {
            for (int j = i + 1; j < refs.size(); j++) {
                if (refs.get(i).landmark().equals(refs.get(j).landmark())) {
                    out.computeIfAbsent(refs.get(i).id(), k -> new ArrayList<>()).add(refs.get(j).id());
                }
            }
        }
        return out;
    }

    private void reportVariants(List<PairRow> rows) {
        System.out.println("\n### Matching mode and RANSAC threshold (best reference per landmark, score = inliers)");
        System.out.println("| variant | GAP, every query answered | top-1 | GAP at T=" + verify.minInliers()
                + " | answered at T (correct / wrong) |");
        System.out.println("|---|---|---|---|---|");
        List<String> variants = rows.stream().map(PairRow::variant).distinct().sorted().toList();
        for (String v : variants) {
            var g = Scoring.group(rows, v, landmarkOfReference);
            var all = Scoring.predict(g, new Scoring.Rule(Scoring.Evidence.BEST, 0, 0, 0), truth);
            var atT = Scoring.predict(g, new Scoring.Rule(Scoring.Evidence.BEST, verify.minInliers(), 0, 0), truth);
            System.out.printf("| %s | %.3f | %d/%d | %.3f | %d / %d |%n", v, gap(all), Gap.top1(all),
                    dev.queriesWithLandmark(), gap(atT), Gap.top1(atT), answered(atT) - Gap.top1(atT));
        }
    }

    private void reportDistributions(List<PairRow> rows, List<PairRow> refRows) {
        String v = defaultVariant();
        System.out.println("\n### Inlier distributions, " + v);
        System.out.println("| pairs | n | min | median | p90 | max |");
        System.out.println("|---|---|---|---|---|---|");
        List<PairRow> def = rows.stream().filter(r -> r.variant().equals(v)).toList();
        dist("references of the same landmark (train x train)",
                refRows.stream().filter(r -> r.variant().equals(v)).mapToInt(PairRow::inliers).toArray());
        dist("query x reference, same landmark", def.stream()
                .filter(r -> truth.get(r.queryId()).equals(landmarkOfReference.get(r.referenceId())))
                .mapToInt(PairRow::inliers).toArray());
        dist("query x reference, different landmarks", def.stream()
                .filter(r -> !truth.get(r.queryId()).isEmpty()
                        && !truth.get(r.queryId()).equals(landmarkOfReference.get(r.referenceId())))
                .mapToInt(PairRow::inliers).toArray());
        dist("distractor x reference", def.stream().filter(r -> truth.get(r.queryId()).isEmpty())
                .mapToInt(PairRow::inliers).toArray());
        var g = Scoring.group(rows, v, landmarkOfReference);
        List<Integer> correctBest = new ArrayList<>();
        List<Integer> wrongBest = new ArrayList<>();
        List<Integer> distractorBest = new ArrayList<>();
        for (var q : g.entrySet()) {
            String t = truth.get(q.getKey());
            int wrong = 0;
            for (var l : q.getValue().entrySet()) {
                int best = l.getValue().get(0).inliers();
                if (l.getKey().equals(t)) {
                    correctBest.add(best);
                } else {
                    wrong = Math.max(wrong, best);
                }
            }
            (t.isEmpty() ? distractorBest : wrongBest).add(wrong);
        }
        dist("per query: best reference of the true landmark", ints(correctBest));
        dist("per landmark query: best reference of any wrong landmark", ints(wrongBest));
        dist("per distractor: best reference of any landmark", ints(distractorBest));
    }

    private void reportThresholds(List<PairRow> rows) {
        var g = Scoring.group(rows, defaultVariant(), landmarkOfReference);
        System.out.println("\n### Threshold T (" + defaultVariant() + ", best reference)");
        System.out.println("| T | GAP | correct answers | wrong answers on landmark queries | distractors answered |");
        System.out.println("|---|---|---|---|---|");
        for (int t : T_SWEEP) {
            var p = Scoring.predict(g, new Scoring.Rule(Scoring.Evidence.BEST, t, 0, 0), truth);
            long wrongLandmark = p.stream().filter(x -> !x.predicted().isEmpty() && !x.correct()
                    && !x.truth().isEmpty()).count();
            long distractors = p.stream().filter(x -> !x.predicted().isEmpty() && x.truth().isEmpty()).count();
            System.out.printf("| %d | %.3f | %d | %d | %d |%n", t, gap(p), Gap.top1(p), wrongLandmark, distractors);
        }
    }

    private void reportSteps(List<PairRow> rows) {
        var g = Scoring.group(rows, defaultVariant(), landmarkOfReference);
        int t = verify.minInliers();
        System.out.println("\n### Beyond the best reference (" + defaultVariant() + ", T=" + t + ")");
        System.out.println("| scoring | GAP, every query answered | top-1 | GAP at T | correct / wrong at T |");
        System.out.println("|---|---|---|---|---|");
        Object[][] steps = {
                {"best reference inliers", Scoring.Evidence.BEST, 0, 0.0},
                {"best two references added", Scoring.Evidence.TOP2, 0, 0.0},
                {"spread: covered 8x8 cells of best reference", Scoring.Evidence.CELLS, 0, 0.0},
                {"inliers capped at 4 per covered cell", Scoring.Evidence.CAPPED, 0, 0.0},
                {"best + verified needs >= 6 cells", Scoring.Evidence.BEST, 6, 0.0},
                {"best + verified needs >= 10 cells", Scoring.Evidence.BEST, 10, 0.0},
                {"margin: best - 0.5 x runner-up", Scoring.Evidence.BEST, 0, 0.5},
                {"margin: best - 1.0 x runner-up", Scoring.Evidence.BEST, 0, 1.0},
                {"top-2 refs, margin 0.5", Scoring.Evidence.TOP2, 0, 0.5},
                {"top-2 refs, margin 1.0", Scoring.Evidence.TOP2, 0, 1.0},
                {"capped, margin 0.5", Scoring.Evidence.CAPPED, 0, 0.5},
                {"capped, margin 1.0", Scoring.Evidence.CAPPED, 0, 1.0},
                {"capped, >= 6 cells, margin 0.5", Scoring.Evidence.CAPPED, 6, 0.5},
        };
        for (Object[] st : steps) {
            var ev = (Scoring.Evidence) st[1];
            var all = Scoring.predict(g, new Scoring.Rule(ev, 0, (int) st[2], (double) st[3]), truth);
            var atT = Scoring.predict(g, new Scoring.Rule(ev, t, (int) st[2], (double) st[3]), truth);
            System.out.printf("| %s | %.3f | %d | %.3f | %d / %d |%n", st[0], gap(all), Gap.top1(all), gap(atT),
                    Gap.top1(atT), answered(atT) - Gap.top1(atT));
        }
        System.out.println("\n### Through DecisionPolicy (verdicts of a verifier that checks every reference)");
        System.out.println("| decision config | GAP | correct / wrong answers |");
        System.out.println("|---|---|---|");
        DecisionConfig base = DecisionConfig.defaults().withMinInliers(t);
        for (DecisionConfig c : List.of(base, base.withGuess(true), base.withSpreadAndMargin(0, 0.5),
                base.withSpreadAndMargin(6, 0.5), base.withSpreadAndMargin(6, 0.5).withGuess(true))) {
            var p = Scoring.predict(g, new DecisionPolicy(c), t, truth);
            System.out.printf("| %s | %.3f | %d / %d |%n", c, gap(p), Gap.top1(p), answered(p) - Gap.top1(p));
        }
    }

    private void reportQuantisation(Path dir) throws IOException {
        System.out.println("\n### Descriptor encodings (" + defaultVariant() + ", common FeaturesCodec round trip)");
        System.out.println("| encoding | bytes per descriptor | GAP, every query answered | top-1 | GAP at T | "
                + "mean inliers of true-landmark pairs | mean |inlier change| vs FLOAT32 |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<String, Integer> reference = null;
        for (DescriptorEncoding enc : List.of(DescriptorEncoding.FLOAT32, DescriptorEncoding.FLOAT16,
                DescriptorEncoding.INT8)) {
            Map<String, Features> coded = new HashMap<>();
            features.forEach((id, f) -> coded.put(id, FeaturesCodec.fromProto(FeaturesCodec.toProto(f, enc).build())));
            PairTable table = new PairTable(verify, threads);
            List<PairRow> rows = enc == DescriptorEncoding.FLOAT32
                    ? loadDefault(dir.resolve("pairs.csv"))
                    : table.compute(dir.resolve("pairs-" + enc + ".csv"), queryPairs(), coded::get, false);
            rows = rows.stream().filter(r -> r.variant().equals(defaultVariant())).toList();
            Map<String, Integer> inl = rows.stream().collect(Collectors.toMap(r -> r.queryId() + "/" + r.referenceId(),
                    PairRow::inliers));
            if (reference == null) {
                reference = inl;
            }
            Map<String, Integer> ref = reference;
            double change = inl.entrySet().stream().mapToInt(e -> Math.abs(e.getValue() - ref.get(e.getKey())))
                    .average().orElse(0);
            double sameMean = rows.stream().filter(r -> truth.get(r.queryId())
                    .equals(landmarkOfReference.get(r.referenceId()))).mapToInt(PairRow::inliers).average().orElse(0);
            var g = Scoring.group(rows, defaultVariant(), landmarkOfReference);
            var all = Scoring.predict(g, new Scoring.Rule(Scoring.Evidence.BEST, 0, 0, 0), truth);
            var atT = Scoring.predict(g, new Scoring.Rule(Scoring.Evidence.BEST, verify.minInliers(), 0, 0), truth);
            int bytes = switch (enc) {
                case FLOAT16 -> 256;
                case INT8 -> 128;
                default -> 512;
            };
            System.out.printf("| %s | %d | %.3f | %d | %.3f | %.1f | %.2f |%n", enc, bytes, gap(all), Gap.top1(all),
                    gap(atT), sameMean, change);
        }
    }

    private List<PairRow> loadDefault(Path csv) {
        try {
            return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(PairRow::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String defaultVariant() {
        return PairTable.variant(verify.match().mode(), verify.ransac().model(), verify.ransac().thresholdPx());
    }

    private double gap(List<Gap.Prediction> p) {
        return Gap.gap(p, dev.queriesWithLandmark());
    }

    private static long answered(List<Gap.Prediction> p) {
        return p.stream().filter(x -> !x.predicted().isEmpty()).count();
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void dist(String label, int[] v) {
        if (v.length == 0) {
            System.out.printf("| %s | 0 | | | | |%n", label);
            return;
        }
        int[] s = v.clone();
        Arrays.sort(s);
        System.out.printf("| %s | %d | %d | %d | %d | %d |%n", label, s.length, s[0], s[s.length / 2],
                s[(int) Math.min(s.length - 1, Math.round(0.9 * (s.length - 1)))], s[s.length - 1]);
    }

    static void printTimes(String label, List<Double> ms) {
        if (ms.isEmpty()) {
            System.out.println(label + ": none measured (all cached)");
            return;
        }
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%s: n=%d mean %.1f median %.1f p90 %.1f max %.1f%n", label, s.length,
                Arrays.stream(s).average().orElse(0), s[s.length / 2], s[(int) Math.round(0.9 * (s.length - 1))],
                s[s.length - 1]);
    }
}
