package dev.landmarks.classifier.retrieval.index;

import java.util.Arrays;

/** The documents containing one visual word, with the word's term weight in each; unordered, growable. */
final class PostingList {
    private int[] documents = new int[4];
    private float[] weights = new float[4];
    private int size;

    void add(int document, float weight) {
        if (size == documents.length) {
            int capacity = size + (size >> 1) + 1;
            documents = Arrays.copyOf(documents, capacity);
            weights = Arrays.copyOf(weights, capacity);
        }
        documents[size] = document;
        weights[size] = weight;
        size++;
    }

    /** Removes {@code document}; the last entry takes its place, since order carries no meaning. */
    boolean remove(int document) {
        for (int i = 0; i < size; i++) {
            if (documents[i] == document) {
                size--;
                documents[i] = documents[size];
                weights[i] = weights[size];
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
}
