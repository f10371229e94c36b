package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.retrieval.vocabulary.Vocabulary;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyConfig;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyFile;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyTrainer;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measurement, not a test: retrieval quality and speed on a Kaggle-layout data set (landmarks-dev). References are
 * train.csv, queries test.csv, truth solution.csv. Prints, per configuration, the fraction of landmark queries whose
 * true landmark is in the top-5 and at top-1, vocabulary training time, index build time and query time.
 * <p>
 * Features come from the RootSIFT extractor of delf-service, found by class name so that this module needs no
 * dependency on delf-service (put its jar and OpenCV on the classpath); they are cached as LocalFeatures protos.
 * Settings are {@code key=value} arguments (the settings keys of VocabularyConfig and RetrievalConfig); a value with
 * commas is swept. Command: docs/retrieval.md.
 */
public final class RetrievalEvaluation {
    private static final String EXTRACTOR = "dev.landmarks.delf.features.RootSiftExtractor";
    private static final String EXTRACTOR_CONFIG = "dev.landmarks.delf.features.RootSiftConfig";

    record Image(String id, Path file, String landmark) {
    }

    /** {@code misses=true}: print every landmark query whose landmark is not in the top-5, with what came instead. */
    private static boolean showMisses;
    /** {@code dump=FILE}: write every query's score for every landmark (query,landmark,score,rank) as CSV. */
    private static Path dump;
    /** {@code encoding=INT8|FLOAT16}: pass every feature set through that wire packing first, as the pipeline does. */
    private static DescriptorEncoding encoding;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            options.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Path data = Path.of(options.remove("data"));
        Path cache = Path.of(options.getOrDefault("cache", "/tmp/retrieval-features"));
        options.remove("cache");
        showMisses = Boolean.parseBoolean(options.remove("misses"));
        String dumpOption = options.remove("dump");
        String encodingOption = options.remove("encoding");
        encoding = encodingOption == null ? DescriptorEncoding.FLOAT32 : DescriptorEncoding.valueOf(encodingOption);
        dump = dumpOption == null ? null : Path.of(dumpOption);
        List<Image> references = read(data, "train.csv", true, Map.of());
        Map<String, String> truth = new HashMap<>();
        List<String> solution = Files.readAllLines(data.resolve("solution.csv"));
        for (String line : solution.subList(1, solution.size())) {
            String[] f = line.split(",", -1);
            truth.put(f[0], f[1].trim());
        }
        List<Image> queries = read(data, "test.csv", false, truth);
        Map<String, Features> features = features(cache, references, queries);
        List<Features> referenceFeatures = references.stream().map(r -> features.get(r.id())).toList();
        System.out.printf(Locale.ROOT, "%d references, %d queries (%d show a landmark), %d descriptors per image on average, %d cores%n",
                references.size(), queries.size(), queries.stream().filter(q -> q.landmark() != null).count(),
                features.values().stream().mapToInt(Features::size).sum() / features.size(),
                Runtime.getRuntime().availableProcessors());

        for (Map<String, String> vocabularySettings : sweep(options, "retrieval.vocabulary.")) {
            VocabularyConfig vc = VocabularyConfig.from(Settings.of(vocabularySettings));
            // Codebooks are cached by their training parameters: sweeping retrieval settings should not retrain.
            Path codebook = cache.resolve("codebook-" + vc.coarse() + "x" + vc.fine() + "-i" + vc.iterations()
                    + "-s" + vc.sampleSize() + "-seed" + vc.seed() + ".bin");
            double trainSeconds = Double.NaN;
            Vocabulary vocabulary;
            if (Files.exists(codebook)) {
                vocabulary = VocabularyFile.load(codebook);
            } else {
                long t0 = System.nanoTime();
                vocabulary = VocabularyTrainer.train(vc, referenceFeatures);
                trainSeconds = (System.nanoTime() - t0) / 1e9;
                VocabularyFile.save(vocabulary, codebook);
            }
            for (Map<String, String> retrievalSettings : sweep(options, "retrieval.")) {
                RetrievalConfig rc = RetrievalConfig.from(Settings.of(retrievalSettings));
                evaluate(vocabulary, vc, trainSeconds, rc, retrievalSettings, references, queries, features);
            }
        }
    }

    private static void evaluate(Vocabulary vocabulary, VocabularyConfig vc, double trainSeconds, RetrievalConfig rc,
                                 Map<String, String> shown, List<Image> references, List<Image> queries,
                                 Map<String, Features> features) {
        long t0 = System.nanoTime();
        RetrievalIndex index = new RetrievalIndex(vocabulary, rc);
        for (Image r : references) {
            index.add(new Reference(r.landmark(), r.id(), features.get(r.id())));
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        int landmarkQueries = 0, top1 = 0, top5 = 0;
        long queryNanos = 0;
        List<String> dumped = new ArrayList<>(List.of("query,landmark,score,rank"));
        int landmarks = (int) references.stream().map(Image::landmark).distinct().count();
        for (Image q : queries) {
            if (dump != null) {
                List<LandmarkCandidate> all = index.query(features.get(q.id()), landmarks);
                for (int i = 0; i < all.size(); i++) {
                    dumped.add(String.format(Locale.ROOT, "%s,%s,%.6f,%d", q.id(), all.get(i).landmarkId(),
                            all.get(i).score(), i + 1));
                }
            }
            long s = System.nanoTime();
            List<LandmarkCandidate> top = index.query(features.get(q.id()), 5);
            queryNanos += System.nanoTime() - s;
            if (q.landmark() == null) {
                continue;
            }
            landmarkQueries++;
            boolean found = false;
            for (int i = 0; i < top.size(); i++) {
                if (top.get(i).landmarkId().equals(q.landmark())) {
                    top5++;
                    top1 += i == 0 ? 1 : 0;
                    found = true;
                }
            }
            if (showMisses && !found) {
                System.out.printf(Locale.ROOT, "  miss %s (%s): %s%n", q.id(), q.landmark(),
                        top.stream().map(c -> String.format(Locale.ROOT, "%s %.3f", c.landmarkId(), c.score())).toList());
            }
        }
        if (dump != null) {
            try {
                Files.write(dump, dumped);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        System.out.printf(Locale.ROOT,
                "words=%d (%dx%d) %s | top-5 %d/%d = %.3f, top-1 %d/%d = %.3f | train %.1f s, build %.2f s, "
                        + "query %.1f ms/image%n",
                vocabulary.size(), vc.coarse(), vc.fine(), shown, top5, landmarkQueries,
                (double) top5 / landmarkQueries, top1, landmarkQueries, (double) top1 / landmarkQueries,
                trainSeconds, buildSeconds, queryNanos / 1e6 / queries.size());
    }

    /**
     * Every combination of the comma-separated values of the options whose key starts with {@code prefix}; the
     * prefix "retrieval." leaves out the vocabulary's keys, which the outer loop sweeps.
     */
    private static List<Map<String, String>> sweep(Map<String, String> options, String prefix) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (var e : options.entrySet()) {
            boolean vocabulary = e.getKey().startsWith("retrieval.vocabulary.");
            if (!e.getKey().startsWith(prefix) || vocabulary != prefix.equals("retrieval.vocabulary.")) {
                continue;
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combinations) {
                for (String v : e.getValue().split(",")) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static List<Image> read(Path data, String csv, boolean labelled, Map<String, String> truth)
            throws IOException {
        List<String> lines = Files.readAllLines(data.resolve(csv));
        List<Image> images = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String landmark = labelled ? f[2].trim() : truth.getOrDefault(f[0], "");
            images.add(new Image(f[0], data.resolve(f[1]), landmark.isEmpty() ? null : landmark));
        }
        return images;
    }

    private static Map<String, Features> features(Path cache, List<Image> references, List<Image> queries)
            throws Exception {
        Files.createDirectories(cache);
        Object extractor = null;
        Method extract = null;
        Map<String, Features> out = new HashMap<>();
        List<Image> all = new ArrayList<>(references);
        all.addAll(queries);
        long extractNanos = 0;
        int extracted = 0;
        for (Image image : all) {
            Path file = cache.resolve(image.id() + ".pb");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    Features f = FeaturesCodec.fromProto(LocalFeatures.parseFrom(in));
                    out.put(image.id(), encoding == DescriptorEncoding.FLOAT32 ? f
                            : FeaturesCodec.fromProto(FeaturesCodec.toProto(f, encoding).build()));
                }
                continue;
            }
            if (extractor == null) {
                Class<?> configClass = Class.forName(EXTRACTOR_CONFIG);
                Class<?> extractorClass = Class.forName(EXTRACTOR);
                extractor = extractorClass.getConstructor(configClass)
                        .newInstance(configClass.getMethod("defaults").invoke(null));
                extract = extractorClass.getMethod("extract", BufferedImage.class);
            }
            BufferedImage pixels = ImageIO.read(image.file().toFile());
            long s = System.nanoTime();
            Features f = (Features) extract.invoke(extractor, pixels);
            extractNanos += System.nanoTime() - s;
            extracted++;
            try (OutputStream o = Files.newOutputStream(file)) {
                FeaturesCodec.toProto(f, DescriptorEncoding.FLOAT32).build().writeTo(o);
            }
            out.put(image.id(), f);
        }
        if (extracted > 0) {
            System.out.printf(Locale.ROOT, "extracted %d images, %.0f ms each%n", extracted, extractNanos / 1e6 / extracted);
        }
        return out;
    }
}
