package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.retrieval.index.Scoring;
import dev.landmarks.classifier.retrieval.vocabulary.CentreSet;
import dev.landmarks.classifier.retrieval.vocabulary.Vocabulary;
import dev.landmarks.classifier.retrieval.vocabulary.WordBag;
import dev.landmarks.common.features.Features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measurement, not a test: query time as the index grows. References are synthetic word bags (each of
 * {@code words} distinct words drawn uniformly from the vocabulary, with random 128-bit signatures), added straight to
 * the inverted file, so 100k references build in seconds; quantisation does not depend on the index size and is
 * measured on real photos by {@link RetrievalEvaluation}. Each query is a reference's bag with a third of its words
 * replaced, padded to {@code queryWords}. Prints mean and median milliseconds per query (scoring + ranking) and the
 * postings touched. Arguments: {@code sizes=1000,10000,100000 words=500 queryWords=2000 vocabulary=8192
 * kernel=asmk,tfidf queries=50}. Command: docs/retrieval.md.
 */
public final class RetrievalBenchmark {
    public static void main(String[] args) {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (String a : args) {
            o.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        int[] sizes = Arrays.stream(o.getOrDefault("sizes", "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int words = Integer.parseInt(o.getOrDefault("words", "500"));
        int queryWords = Integer.parseInt(o.getOrDefault("queryWords", "2000"));
        int vocabularySize = Integer.parseInt(o.getOrDefault("vocabulary", "8192"));
        int queries = Integer.parseInt(o.getOrDefault("queries", "50"));
        System.out.printf(Locale.ROOT, "%d words per reference, %d per query, %d-word vocabulary, %d cores, max heap %d MB%n",
                words, queryWords, vocabularySize, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (o.containsKey("assign")) {
            // assign=COARSExFINE: quantisation time of one 4000-descriptor image, flat versus two-level.
            String[] cf = o.get("assign").split("x");
            assignment(Integer.parseInt(cf[0]), Integer.parseInt(cf[1]));
            return;
        }
        for (String kernel : o.getOrDefault("kernel", "asmk,tfidf").split(",")) {
            for (int size : sizes) {
                run(Scoring.Kernel.valueOf(kernel.toUpperCase(Locale.ROOT)), size, words, queryWords, vocabularySize,
                        queries);
            }
        }
    }

    private static void run(Scoring.Kernel kernel, int size, int words, int queryWords, int vocabularySize,
                            int queries) {
        RetrievalConfig d = RetrievalConfig.defaults();
        RetrievalConfig config = new RetrievalConfig(kernel, d.alpha(), d.threshold(), d.tfPower(), d.aggregation(),
                d.aggregateTop(), d.referencesPerLandmark(), d.queryAssignments(), d.maxQueryDescriptors());
        RetrievalIndex index = new RetrievalIndex(flatVocabulary(vocabularySize), config);
        SplittableRandom random = new SplittableRandom(size);
        List<WordBag> sample = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int r = 0; r < size; r++) {
            WordBag bag = randomBag(random, words, vocabularySize);
            index.addBag("landmark-" + r / 10, "reference-" + r, bag);
            if (r % Math.max(1, size / queries) == 0 && sample.size() < queries) {
                sample.add(bag);
            }
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long n0 = System.nanoTime();
        index.queryBag(sample.get(0), 5);
        double refreshMs = (System.nanoTime() - n0) / 1e6;
        List<WordBag> queryBags = sample.stream().map(b -> perturb(b, random, queryWords, vocabularySize)).toList();
        for (int warm = 0; warm < 3; warm++) {
            queryBags.forEach(q -> index.queryBag(q, 5));
        }
        double[] ms = new double[queryBags.size()];
        int found = 0;
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            List<LandmarkCandidate> top = index.queryBag(queryBags.get(i), 5);
            ms[i] = (System.nanoTime() - s) / 1e6;
            found += top.isEmpty() ? 0 : 1;
        }
        Arrays.sort(ms);
        double mean = Arrays.stream(ms).average().orElse(0);
        // Postings a query walks: each of its words' document frequency, about queryWords * size * words / V.
        long touched = Math.round((double) queryWords * size * words / vocabularySize);
        System.out.printf(Locale.ROOT,
                "%-5s references=%7d postings=%,11d build %.1f s, first query (norms) %.0f ms | query mean %.2f ms, "
                        + "median %.2f ms, ~%,d postings walked, %d/%d answered%n",
                kernel, size, (long) size * words, buildSeconds, refreshMs, mean, ms[ms.length / 2], touched, found,
                ms.length);
    }

    private static void assignment(int coarse, int fine) {
        SplittableRandom random = new SplittableRandom(3);
        Features image = SyntheticImages.features(randomFloats(random, 4000 * 128), 4000);
        List<CentreSet> cells = new ArrayList<>();
        for (int c = 0; c < coarse; c++) {
            cells.add(new CentreSet(128, randomFloats(random, fine * 128)));
        }
        Vocabulary twoLevel = new Vocabulary(new CentreSet(128, randomFloats(random, coarse * 128)), cells);
        Vocabulary flat = new Vocabulary(new CentreSet(128, new float[128]),
                List.of(new CentreSet(128, randomFloats(random, coarse * fine * 128))));
        for (Vocabulary v : List.of(twoLevel, flat, twoLevel, flat)) {
            for (int warm = 0; warm < 3; warm++) {
                v.bag(image);
            }
            int runs = 10;
            long t0 = System.nanoTime();
            for (int r = 0; r < runs; r++) {
                v.bag(image);
            }
            System.out.printf(Locale.ROOT, "%s vocabulary of %d words: %.1f ms to quantise 4000 descriptors%n",
                    v == flat ? "flat     " : "two-level", v.size(), (System.nanoTime() - t0) / 1e6 / runs);
        }
    }

    private static float[] randomFloats(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble();
        }
        return v;
    }

    private static WordBag randomBag(SplittableRandom random, int count, int vocabularySize) {
        int[] words = random.ints(0, vocabularySize).distinct().limit(count).sorted().toArray();
        int[] counts = new int[words.length];
        Arrays.fill(counts, 1);
        return new WordBag(words, counts, 128, random.longs(words.length * 2L).toArray());
    }

    /** The query shows the reference: two thirds of its words with their signatures, then random words. */
    private static WordBag perturb(WordBag reference, SplittableRandom random, int count, int vocabularySize) {
        java.util.TreeMap<Integer, long[]> chosen = new java.util.TreeMap<>();
        for (int i = 0; i < reference.size(); i++) {
            if (random.nextInt(3) > 0) {
                chosen.put(reference.words()[i], Arrays.copyOfRange(reference.signatures(), 2 * i, 2 * i + 2));
            }
        }
        while (chosen.size() < count) {
            chosen.putIfAbsent(random.nextInt(vocabularySize), new long[] {random.nextLong(), random.nextLong()});
        }
        int[] words = chosen.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] signatures = chosen.values().stream().flatMapToLong(Arrays::stream).toArray();
        int[] counts = new int[words.length];
        Arrays.fill(counts, 1);
        return new WordBag(words, counts, 128, signatures);
    }

    /** A vocabulary of the wanted size; its centres are never used, since bags are made directly. */
    private static Vocabulary flatVocabulary(int size) {
        float[] centres = new float[size * 128];
        for (int i = 0; i < size; i++) {
            centres[i * 128 + i % 128] = 1f + i / 128;
        }
        return new Vocabulary(new CentreSet(128, new float[128]), List.of(new CentreSet(128, centres)));
    }
}
