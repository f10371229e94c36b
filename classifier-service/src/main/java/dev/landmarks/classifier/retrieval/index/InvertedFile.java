package dev.landmarks.classifier.retrieval.index;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Inverted file over bags of visual words, scored by tf-idf cosine similarity. A document is added as the word of
 * each of its descriptors and gets a slot number back; slots of removed documents are reused.
 * <p>
 * Term weight: {@code count^tfPower} (0.5 damps bursts, repeated structures such as windows that fire one word many
 * times). Word weight: {@code idf = ln((N + 1) / df)}, which stays positive for a word present in every document and
 * in a one-document index. Score: cosine of the idf-weighted vectors. The idf changes with every add and remove, so
 * document norms are recomputed lazily, once, before the next query ({@link #refreshNorms()}), at the cost of one
 * pass over all postings. Not thread-safe: the owner serialises writers and runs {@link #refreshNorms()} before
 * concurrent {@link #score(int[])} calls.
 */
public final class InvertedFile {
    private final PostingList[] postings;
    private final float tfPower;
    private int[][] documentWords = new int[16][];
    private float[] norms = new float[16];
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private int slotsInUse;
    private int documents;
    private long postingCount;
    private boolean normsStale;

    public InvertedFile(int words, float tfPower) {
        if (words < 1) {
            throw new IllegalArgumentException("an inverted file needs at least one word");
        }
        if (!(tfPower >= 0f && tfPower <= 1f)) {
            throw new IllegalArgumentException("tf power must be in [0, 1], was " + tfPower);
        }
        this.postings = new PostingList[words];
        this.tfPower = tfPower;
    }

    /** Adds a document given the word of each of its descriptors (any order, repeats counted); returns its slot. */
    public int add(int[] words) {
        int[] sorted = words.clone();
        Arrays.sort(sorted);
        int slot = freeSlots.isEmpty() ? slotsInUse++ : freeSlots.pop();
        if (slot >= documentWords.length) {
            int capacity = documentWords.length * 2;
            documentWords = Arrays.copyOf(documentWords, capacity);
            norms = Arrays.copyOf(norms, capacity);
        }
        int distinct = 0;
        for (int i = 0; i < sorted.length; ) {
            int w = sorted[i];
            if (w < 0 || w >= postings.length) {
                throw new IllegalArgumentException("word " + w + " outside the vocabulary of " + postings.length);
            }
            int j = i;
            while (j < sorted.length && sorted[j] == w) {
                j++;
            }
            if (postings[w] == null) {
                postings[w] = new PostingList();
            }
            postings[w].add(slot, termWeight(j - i));
            sorted[distinct++] = w;
            i = j;
        }
        documentWords[slot] = Arrays.copyOf(sorted, distinct);
        postingCount += distinct;
        documents++;
        normsStale = true;
        return slot;
    }

    /** Removes the document in {@code slot}; the slot may be handed out again by a later {@link #add(int[])}. */
    public void remove(int slot) {
        if (slot < 0 || slot >= slotsInUse || documentWords[slot] == null) {
            throw new IllegalArgumentException("no document in slot " + slot);
        }
        for (int w : documentWords[slot]) {
            postings[w].remove(slot);
        }
        postingCount -= documentWords[slot].length;
        documentWords[slot] = null;
        norms[slot] = 0f;
        freeSlots.push(slot);
        documents--;
        normsStale = true;
    }

    public int documents() {
        return documents;
    }

    /** Total (document, word) entries: the memory and worst-case query cost of the index. */
    public long postings() {
        return postingCount;
    }

    public int words() {
        return postings.length;
    }

    public boolean normsStale() {
        return normsStale;
    }

    /** Recomputes every document's norm under the current idf; a no-op when nothing changed since the last call. */
    public void refreshNorms() {
        if (!normsStale) {
            return;
        }
        float[] squared = new float[norms.length];
        for (int w = 0; w < postings.length; w++) {
            PostingList list = postings[w];
            if (list == null || list.size() == 0) {
                continue;
            }
            float idf = idf(list.size());
            float idf2 = idf * idf;
            for (int i = 0; i < list.size(); i++) {
                float t = list.weight(i);
                squared[list.document(i)] += idf2 * t * t;
            }
        }
        for (int d = 0; d < squared.length; d++) {
            norms[d] = (float) Math.sqrt(squared[d]);
        }
        normsStale = false;
    }

    /**
     * Cosine similarity of the query (the word of each of its descriptors) with every document sharing a word with
     * it. Call {@link #refreshNorms()} first after any add or remove.
     */
    public ScoredDocuments score(int[] queryWords) {
        if (normsStale) {
            throw new IllegalStateException("document norms are stale: refreshNorms() after adding or removing");
        }
        int[] sorted = queryWords.clone();
        Arrays.sort(sorted);
        float[] accumulated = new float[slotsInUse];
        int[] touched = new int[Math.min(slotsInUse, 1024)];
        int touchedCount = 0;
        double queryNorm2 = 0;
        for (int i = 0; i < sorted.length; ) {
            int w = sorted[i];
            int j = i;
            while (j < sorted.length && sorted[j] == w) {
                j++;
            }
            PostingList list = w >= 0 && w < postings.length ? postings[w] : null;
            if (list != null && list.size() > 0) {
                float idf = idf(list.size());
                float q = termWeight(j - i) * idf;
                queryNorm2 += (double) q * q;
                float factor = q * idf;
                for (int p = 0; p < list.size(); p++) {
                    int d = list.document(p);
                    if (accumulated[d] == 0f) {
                        if (touchedCount == touched.length) {
                            touched = Arrays.copyOf(touched, Math.min(slotsInUse, touched.length * 2));
                        }
                        touched[touchedCount++] = d;
                    }
                    accumulated[d] += factor * list.weight(p);
                }
            }
            i = j;
        }
        // Words that no document contains have no idf and are left out of the query norm: they cannot change the
        // ranking, and leaving them out keeps a query's scores independent of noise words nobody shares.
        float queryNorm = (float) Math.sqrt(queryNorm2);
        float[] scores = new float[touchedCount];
        int[] documentsOut = Arrays.copyOf(touched, touchedCount);
        for (int t = 0; t < touchedCount; t++) {
            int d = documentsOut[t];
            scores[t] = norms[d] > 0f && queryNorm > 0f ? accumulated[d] / (norms[d] * queryNorm) : 0f;
        }
        return new ScoredDocuments(documentsOut, scores);
    }

    private float termWeight(int count) {
        return tfPower == 1f ? count : (float) Math.pow(count, tfPower);
    }

    private float idf(int documentFrequency) {
        return (float) Math.log((documents + 1.0) / documentFrequency);
    }
}
