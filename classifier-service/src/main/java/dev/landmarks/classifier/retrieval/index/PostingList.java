package dev.landmarks.classifier.retrieval.index;

import java.util.Arrays;

/**
 * The documents containing one visual word, with the word's term weight in each and, for a selective kernel, the
 * document's residual signature for the word; unordered, growable.
 */
final class PostingList {
    private final int signatureLongs;
    private int[] documents = new int[4];
    private float[] weights = new float[4];
    private long[] signatures;
    private int size;

    PostingList(int signatureLongs) {
        this.signatureLongs = signatureLongs;
        this.signatures = new long[4 * signatureLongs];
    }

    void add(int document, float weight, long[] signature, int signatureOffset) {
        if (size == documents.length) {
            int capacity = size + (size >> 1) + 1;
            documents = Arrays.copyOf(documents, capacity);
            weights = Arrays.copyOf(weights, capacity);
            signatures = Arrays.copyOf(signatures, capacity * signatureLongs);
        }
        documents[size] = document;
        weights[size] = weight;
        System.arraycopy(signature, signatureOffset, signatures, size * signatureLongs, signatureLongs);
        size++;
    }

    /** Removes {@code document}; the last entry takes its place, since order carries no meaning. */
    boolean remove(int document) {
        for (int i = 0; i < size; i++) {
            if (documents[i] == document) {
                size--;
                documents[i] = documents[size];
                weights[i] = weights[size];
                System.arraycopy(signatures, size * signatureLongs, signatures, i * signatureLongs, signatureLongs);
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    int document(int i) {
        return documents[i];
    }

    float weight(int i) {
        return weights[i];
    }

    /** Differing bits between entry {@code i}'s signature and {@code other[offset ..]}. */
    int hamming(int i, long[] other, int offset) {
        int bits = 0;
        for (int j = 0, base = i * signatureLongs; j < signatureLongs; j++) {
            bits += Long.bitCount(signatures[base + j] ^ other[offset + j]);
        }
        return bits;
    }
}
