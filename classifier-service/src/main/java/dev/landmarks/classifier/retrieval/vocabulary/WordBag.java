package dev.landmarks.classifier.retrieval.vocabulary;

import java.util.Arrays;

/**
 * An image as visual words: its distinct words (ascending), how many descriptors fell on each, and optionally one
 * binary signature per word: the signs of the word's aggregated residual (sum of descriptor minus word centre over
 * the image's descriptors on that word), as in ASMK*. Signatures let two images that share a word check whether
 * their descriptors sit on the same side of the centre, which a word id alone cannot tell.
 *
 * @param words          distinct word ids, ascending
 * @param counts         descriptors per word
 * @param signatureBits  bits per signature (the descriptor dimension), 0 when there are none
 * @param signatures     {@code words.length * signatureLongs()} values, word-major; bit i set = component i >= 0
 */
public record WordBag(int[] words, int[] counts, int signatureBits, long[] signatures) {
    public WordBag {
        if (signatureBits < 0 || counts.length != words.length
                || signatures.length != (long) words.length * ((signatureBits + 63) / 64)) {
            throw new IllegalArgumentException("word bag arrays disagree in length");
        }
        for (int i = 1; i < words.length; i++) {
            if (words[i] <= words[i - 1]) {
                throw new IllegalArgumentException("word bag words must be distinct and ascending");
            }
        }
    }

    /** A bag without signatures from the word of each descriptor (any order, repeats counted). */
    public static WordBag of(int[] descriptorWords) {
        int[] sorted = descriptorWords.clone();
        Arrays.sort(sorted);
        int[] words = new int[sorted.length];
        int[] counts = new int[sorted.length];
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct > 0 && words[distinct - 1] == sorted[i]) {
                counts[distinct - 1]++;
            } else {
                words[distinct] = sorted[i];
                counts[distinct++] = 1;
            }
        }
        return new WordBag(Arrays.copyOf(words, distinct), Arrays.copyOf(counts, distinct), 0, new long[0]);
    }

    public int size() {
        return words.length;
    }

    public boolean hasSignatures() {
        return signatureBits > 0;
    }

    /** Longs per signature. */
    public int signatureLongs() {
        return (signatureBits + 63) / 64;
    }
}
