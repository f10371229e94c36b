package dev.landmarks.classifier.retrieval.vocabulary;

import dev.landmarks.common.features.Features;

import java.util.ArrayList;
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
        java.util.Arrays.fill(cell, -1);
        KMeans.assign(coarse, sample, n, cell);
        int[] members = new int[coarse.size()];
        for (int c : cell) {
            members[c]++;
        }
        List<CentreSet> fine = new ArrayList<>(coarse.size());
        for (int c = 0; c < coarse.size(); c++) {
            float[] share = new float[members[c] * dim];
            for (int i = 0, k = 0; i < n; i++) {
                if (cell[i] == c) {
                    System.arraycopy(sample, i * dim, share, k++ * dim, dim);
                }
            }
            if (share.length == 0) {
                // A coarse centre nobody is nearest to (possible only with duplicate points): one word, itself.
                fine.add(new CentreSet(dim, java.util.Arrays.copyOfRange(coarse.centres(), c * dim, (c + 1) * dim)));
            } else {
                fine.add(KMeans.cluster(share, dim, config.fine(), config.iterations(), cellSeed(config.seed(), c)));
            }
        }
        return new Vocabulary(coarse, fine);
    }

    private static long cellSeed(long seed, int cell) {
        // A fixed odd multiplier spreads consecutive cells over the seed space (SplittableRandom's golden gamma).
        return seed + 0x9E3779B97F4A7C15L * (cell + 1);
    }
}
