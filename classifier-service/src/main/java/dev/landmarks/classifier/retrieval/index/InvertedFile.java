package dev.landmarks.classifier.retrieval.index;

import dev.landmarks.classifier.retrieval.vocabulary.WordBag;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Inverted file over bags of visual words, scored by a normalised match kernel ({@link Scoring}: tf-idf cosine, or
 * ASMK* with residual signatures). A document is added as a {@link WordBag} and gets a slot number back; slots of
 * removed documents are reused.
 * <p>
 * Word weight {@code idf = ln((N + 1) / df)}, which stays positive for a word present in every document and in a
 * one-document index. The idf changes with every add and remove, so document norms are recomputed lazily, once,
 * before the next query ({@link #refreshNorms()}), at the cost of one pass over all postings. Not thread-safe: the
 * owner serialises writers and runs {@link #refreshNorms()} before concurrent {@link #score(WordBag)} calls.
 */
public final class InvertedFile {
    private final PostingList[] postings;
    private final Scoring scoring;
    private final int signatureBits;
    private int[][] documentWords = new int[16][];
    private float[] norms = new float[16];
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private int slotsInUse;
    private int documents;
    private long postingCount;
    private boolean normsStale;

    /** @param signatureBits residual signature length (the descriptor dimension) for ASMK; ignored for tf-idf */
    public InvertedFile(int words, Scoring scoring, int signatureBits) {
        if (words < 1) {
            throw new IllegalArgumentException("an inverted file needs at least one word");
        }
        if (scoring.selective() && signatureBits < 1) {
            throw new IllegalArgumentException("ASMK needs residual signatures");
        }
        this.postings = new PostingList[words];
        this.scoring = scoring;
        this.signatureBits = scoring.selective() ? signatureBits : 0;
    }

    /** Adds a document; returns its slot. */
    public int add(WordBag bag) {
        requireSignatures(bag);
        int slot = freeSlots.isEmpty() ? slotsInUse++ : freeSlots.pop();
        if (slot >= documentWords.length) {
            int capacity = documentWords.length * 2;
            documentWords = Arrays.copyOf(documentWords, capacity);
            norms = Arrays.copyOf(norms, capacity);
        }
        int longs = (signatureBits + 63) / 64;
        for (int i = 0; i < bag.size(); i++) {
            int w = bag.words()[i];
            if (w < 0 || w >= postings.length) {
                throw new IllegalArgumentException("word " + w + " outside the vocabulary of " + postings.length);
            }
        }
        for (int i = 0; i < bag.size(); i++) {
            int w = bag.words()[i];
            if (postings[w] == null) {
                postings[w] = new PostingList(longs);
            }
            postings[w].add(slot, termWeight(bag.counts()[i]), bag.signatures(), i * longs);
        }
        documentWords[slot] = bag.words().clone();
        postingCount += bag.size();
        documents++;
        normsStale = true;
        return slot;
    }

    /** Adds a document given the word of each of its descriptors (tf-idf only: no signatures). */
    public int add(int[] descriptorWords) {
        return add(WordBag.of(descriptorWords));
    }

    /** Removes the document in {@code slot}; the slot may be handed out again by a later add. */
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
        for (PostingList list : postings) {
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
     * Similarity of the query with every document sharing a word with it (ASMK: a word whose signatures agree
     * enough). Call {@link #refreshNorms()} first after any add or remove.
     */
    public ScoredDocuments score(WordBag query) {
        if (normsStale) {
            throw new IllegalStateException("document norms are stale: refreshNorms() after adding or removing");
        }
        requireSignatures(query);
        int longs = (signatureBits + 63) / 64;
        float[] accumulated = new float[slotsInUse];
        boolean[] seen = new boolean[slotsInUse];
        int[] touched = new int[Math.max(1, Math.min(slotsInUse, 1024))];
        int touchedCount = 0;
        double queryNorm2 = 0;
        for (int i = 0; i < query.size(); i++) {
            int w = query.words()[i];
            PostingList list = w >= 0 && w < postings.length ? postings[w] : null;
            if (list == null || list.size() == 0) {
                // A word no document has cannot change the ranking; leaving it out of the query norm keeps a
                // query's scores independent of noise words nobody shares.
                continue;
            }
            float idf = idf(list.size());
            float q = termWeight(query.counts()[i]) * idf;
            queryNorm2 += (double) q * q;
            float factor = q * idf;
            for (int p = 0; p < list.size(); p++) {
                float contribution = factor * list.weight(p);
                if (signatureBits > 0) {
                    float u = 1f - 2f * list.hamming(p, query.signatures(), i * longs) / signatureBits;
                    if (u <= scoring.threshold()) {
                        continue;
                    }
                    contribution *= selectivity(u);
                }
                int d = list.document(p);
                if (!seen[d]) {
                    seen[d] = true;
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, Math.min(slotsInUse, touched.length * 2));
                    }
                    touched[touchedCount++] = d;
                }
                accumulated[d] += contribution;
            }
        }
        float queryNorm = (float) Math.sqrt(queryNorm2);
        float[] scores = new float[touchedCount];
        int[] documentsOut = Arrays.copyOf(touched, touchedCount);
        for (int t = 0; t < touchedCount; t++) {
            int d = documentsOut[t];
            scores[t] = norms[d] > 0f && queryNorm > 0f ? accumulated[d] / (norms[d] * queryNorm) : 0f;
        }
        return new ScoredDocuments(documentsOut, scores);
    }

    /** Scores a query given the word of each of its descriptors (tf-idf only). */
    public ScoredDocuments score(int[] descriptorWords) {
        return score(WordBag.of(descriptorWords));
    }

    private float selectivity(float u) {
        float a = scoring.alpha();
        // alpha 3 is the published default; spare the pow call for it. Odd powers keep the sign themselves.
        return a == 3f ? u * u * u : (float) (Math.signum(u) * Math.pow(Math.abs(u), a));
    }

    private void requireSignatures(WordBag bag) {
        if (signatureBits > 0 && bag.signatureBits() != signatureBits) {
            throw new IllegalArgumentException("ASMK needs " + signatureBits + "-bit residual signatures, the bag has "
                    + bag.signatureBits());
        }
    }

    private float termWeight(int count) {
        float p = scoring.tfPower();
        return p == 1f ? count : p == 0f ? 1f : (float) Math.pow(count, p);
    }

    private float idf(int documentFrequency) {
        return (float) Math.log((documents + 1.0) / documentFrequency);
    }
}
