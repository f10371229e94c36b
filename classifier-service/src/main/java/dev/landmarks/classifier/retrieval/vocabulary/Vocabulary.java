package dev.landmarks.classifier.retrieval.vocabulary;

import dev.landmarks.common.features.Features;

import java.util.Arrays;
import java.util.List;

/**
 * A trained visual vocabulary (codebook): maps a local descriptor to a visual word id in {@code [0, size())}.
 * Two levels: the nearest coarse centre picks a cell, the nearest fine centre of that cell picks the word. Immutable
 * and safe to share between threads. {@link #id()} is the SHA-256 of the saved form ({@link VocabularyFile}), so
 * two codebooks with the same id quantise identically.
 */
public final class Vocabulary {
    private final CentreSet coarse;
    private final List<CentreSet> fine;
    private final int[] firstWord;
    private final int size;
    private final String id;

    /** @param fine one centre set per coarse centre, in coarse order */
    public Vocabulary(CentreSet coarse, List<CentreSet> fine) {
        if (fine.size() != coarse.size()) {
            throw new IllegalArgumentException(coarse.size() + " coarse cells but " + fine.size() + " fine centre sets");
        }
        this.coarse = coarse;
        this.fine = List.copyOf(fine);
        this.firstWord = new int[fine.size()];
        int words = 0;
        for (int c = 0; c < fine.size(); c++) {
            if (fine.get(c).dim() != coarse.dim()) {
                throw new IllegalArgumentException("cell " + c + " has dimension " + fine.get(c).dim()
                        + ", the coarse level " + coarse.dim());
            }
            firstWord[c] = words;
            words += fine.get(c).size();
        }
        this.size = words;
        this.id = VocabularyFile.sha256(this);
    }

    /** Descriptor dimension. */
    public int dim() {
        return coarse.dim();
    }

    /** Number of visual words. */
    public int size() {
        return size;
    }

    /** Hex SHA-256 of the saved form. */
    public String id() {
        return id;
    }

    CentreSet coarse() {
        return coarse;
    }

    List<CentreSet> fine() {
        return fine;
    }

    /** Word of the descriptor at {@code data[offset .. offset + dim())}. */
    public int word(float[] data, int offset) {
        int cell = coarse.nearest(data, offset);
        return firstWord[cell] + fine.get(cell).nearest(data, offset);
    }

    /** Words of every descriptor of {@code features}, in keypoint order. */
    public int[] words(Features features) {
        if (features.size() > 0 && features.dim() != dim()) {
            throw new IllegalArgumentException("descriptors have " + features.dim() + " dimensions, the vocabulary "
                    + dim() + " (extractor " + features.extractor() + ")");
        }
        float[] data = features.descriptors();
        int[] words = new int[features.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(data, i * dim());
        }
        return words;
    }

    /**
     * The image's bag of words with one ASMK* signature per word: the signs of the sum of its descriptors' residuals
     * from the fine centre of that word.
     */
    public WordBag bag(Features features) {
        return bag(features, 1);
    }

    /**
     * As {@link #bag(Features)}, but each descriptor is assigned to its {@code assignments} nearest words within its
     * coarse cell (multiple assignment: a query descriptor near a word boundary still meets the reference descriptor
     * that fell on the other side). Meant for queries; references use one word each.
     */
    public WordBag bag(Features features, int assignments) {
        if (assignments < 1) {
            throw new IllegalArgumentException("assignments must be >= 1, was " + assignments);
        }
        if (features.size() > 0 && features.dim() != dim()) {
            throw new IllegalArgumentException("descriptors have " + features.dim() + " dimensions, the vocabulary "
                    + dim() + " (extractor " + features.extractor() + ")");
        }
        int dim = dim();
        float[] data = features.descriptors();
        // (word, descriptor) pairs packed in longs, sorted so each word's residuals are summed in one run.
        long[] pairs = new long[features.size() * assignments];
        int pairCount = 0;
        int[] nearest = new int[assignments];
        for (int i = 0; i < features.size(); i++) {
            int cell = coarse.nearest(data, i * dim);
            int found;
            if (assignments == 1) {
                nearest[0] = fine.get(cell).nearest(data, i * dim);
                found = 1;
            } else {
                found = fine.get(cell).nearest(data, i * dim, nearest);
            }
            for (int a = 0; a < found; a++) {
                pairs[pairCount++] = ((long) (firstWord[cell] + nearest[a]) << 32) | i;
            }
        }
        Arrays.sort(pairs, 0, pairCount);
        int longs = (dim + 63) / 64;
        int[] distinct = new int[pairCount];
        int[] counts = new int[pairCount];
        long[] signatures = new long[pairCount * longs];
        float[] sum = new float[dim];
        int bags = 0;
        for (int i = 0; i < pairCount; ) {
            int word = (int) (pairs[i] >>> 32);
            int cell = cellOf(word);
            int centre = word - firstWord[cell];
            Arrays.fill(sum, 0f);
            int j = i;
            for (; j < pairCount && (int) (pairs[j] >>> 32) == word; j++) {
                fine.get(cell).addResidual(data, (int) pairs[j] * dim, centre, sum);
            }
            for (int d = 0; d < dim; d++) {
                if (sum[d] >= 0f) {
                    signatures[bags * longs + d / 64] |= 1L << (d % 64);
                }
            }
            distinct[bags] = word;
            counts[bags++] = j - i;
            i = j;
        }
        return new WordBag(Arrays.copyOf(distinct, bags), Arrays.copyOf(counts, bags), dim,
                Arrays.copyOf(signatures, bags * longs));
    }

    private int cellOf(int word) {
        int cell = Arrays.binarySearch(firstWord, word);
        // An exact hit is the first word of that cell (no cell is empty, so first words strictly increase).
        return cell >= 0 ? cell : -cell - 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + size + " words, " + coarse.size() + " cells, dim " + dim() + ", id "
                + id.substring(0, 12) + "]";
    }

    /** First word id of each cell (for tests and diagnostics). */
    int[] firstWords() {
        return Arrays.copyOf(firstWord, firstWord.length);
    }
}
