package dev.landmarks.classifier.retrieval.vocabulary;

import dev.landmarks.common.features.Features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Learns a two-level vocabulary from reference descriptors: a seeded sample, k-means into {@code coarse} cells, then
 * k-means of each cell's share of the sample into up to {@code fine} words. Each cell's seed is derived from the
 * configured seed and the cell index, so training is deterministic.
 */
public final class VocabularyTrainer {
    private VocabularyTrainer() {
    }

    public static Vocabulary train(VocabularyConfig config, List<Features> references) {
        int dim = references.stream().filter(f -> f.size() > 0).mapToInt(Features::dim).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no descriptors to learn a vocabulary from"));
        float[] sample = DescriptorSample.draw(references, dim, config.sampleSize(), config.seed());
        return train(config, sample, dim);
    }

    /** Trains on an explicit row-major sample (tests and benchmarks that generate descriptors). */
    public static Vocabulary train(VocabularyConfig config, float[] sample, int dim) {
        int n = sample.length / dim;
        CentreSet coarse = KMeans.cluster(sample, dim, config.coarse(), config.iterations(), config.seed());
        int[] cell = new int[n];
        Arrays.fill(cell, -1);
        KMeans.assign(coarse, sample, n, cell);
        int[] members = new int[coarse.size()];
        for (int c : cell) {
            members[c]++;
        }
        List<CentreSet> fine = new ArrayList<>(coarse.size());
        List<float[]> origins = new ArrayList<>(coarse.size());
        for (int c = 0; c < coarse.size(); c++) {
            float[] share = new float[members[c] * dim];
            for (int i = 0, k = 0; i < n; i++) {
                if (cell[i] == c) {
                    System.arraycopy(sample, i * dim, share, k++ * dim, dim);
                }
            }
            if (share.length == 0) {
                // A coarse centre nobody is nearest to (possible only with duplicate points): one word, itself.
                CentreSet single = new CentreSet(dim, Arrays.copyOfRange(coarse.centres(), c * dim, (c + 1) * dim));
                fine.add(single);
                origins.add(single.centres());
            } else {
                CentreSet words = KMeans.cluster(share, dim, config.fine(), config.iterations(),
                        cellSeed(config.seed(), c));
                fine.add(words);
                origins.add(medianOrigins(words, share, dim));
            }
        }
        return new Vocabulary(coarse, fine, origins);
    }

    /**
     * Per word: the per-component median of the training descriptors on the word (its centre plus the median
     * residual), or the centre when no training descriptor is nearest to it.
     */
    private static float[] medianOrigins(CentreSet words, float[] share, int dim) {
        int n = share.length / dim;
        int[] word = new int[n];
        Arrays.fill(word, -1);
        KMeans.assign(words, share, n, word);
        // Points grouped by word: start offsets, then point indices in input order.
        int[] start = new int[words.size() + 1];
        for (int w : word) {
            start[w + 1]++;
        }
        for (int w = 0; w < words.size(); w++) {
            start[w + 1] += start[w];
        }
        int[] members = new int[n];
        int[] next = Arrays.copyOf(start, words.size());
        for (int i = 0; i < n; i++) {
            members[next[word[i]]++] = i;
        }
        float[] origins = words.centres();
        for (int w = 0; w < words.size(); w++) {
            int count = start[w + 1] - start[w];
            if (count == 0) {
                continue;
            }
            float[] values = new float[count];
            for (int d = 0; d < dim; d++) {
                for (int k = 0; k < count; k++) {
                    values[k] = share[members[start[w] + k] * dim + d];
                }
                Arrays.sort(values);
                origins[w * dim + d] = count % 2 == 1 ? values[count / 2]
                        : (values[count / 2 - 1] + values[count / 2]) / 2f;
            }
        }
        return origins;
    }

    private static long cellSeed(long seed, int cell) {
        // A fixed odd multiplier spreads consecutive cells over the seed space (SplittableRandom's golden gamma).
        return seed + 0x9E3779B97F4A7C15L * (cell + 1);
    }
}
