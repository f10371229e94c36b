package dev.landmarks.classifier.retrieval.index;

import dev.landmarks.classifier.retrieval.vocabulary.WordBag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvertedFileTest {
    private static final double L2 = Math.log(2);

    private static Map<Integer, Float> scores(InvertedFile file, int... query) {
        file.refreshNorms();
        ScoredDocuments s = file.score(query);
        Map<Integer, Float> out = new HashMap<>();
        for (int i = 0; i < s.count(); i++) {
            out.put(s.documents()[i], s.scores()[i]);
        }
        return out;
    }

    /**
     * A = {w0 x2, w1}, B = {w1, w2}, C = {w3}; N = 3, idf = ln(4 / df): w1 = ln 2, the others ln 4 = 2 ln 2.
     * Query {w0, w1} = (2L, L) with L = ln 2. A weighted = (2 * 2L, L): cos = (8 + 1) / (sqrt 5 * sqrt 17).
     * B weighted = (L, 2L) on (w1, w2): cos = 1 / (sqrt 5 * sqrt 5). C shares nothing.
     */
    @Test
    void tfIdfCosineMatchesTheHandComputedValues() {
        InvertedFile file = new InvertedFile(5, Scoring.tfIdf(1f), 0);
        int a = file.add(new int[] {0, 1, 0});
        int b = file.add(new int[] {2, 1});
        int c = file.add(new int[] {3});

        Map<Integer, Float> s = scores(file, 1, 0);
        assertEquals(9 / Math.sqrt(85), s.get(a), 1e-6);
        assertEquals(0.2, s.get(b), 1e-6);
        assertFalse(s.containsKey(c));
        assertEquals(3, file.documents());
        assertEquals(5, file.postings());
    }

    /** After removing B: N = 2, every remaining word has df 1, idf ln 3; A = (2, 1) ln 3, query (1, 1) ln 3. */
    @Test
    void removingADocumentDropsItAndUpdatesTheIdf() {
        InvertedFile file = new InvertedFile(5, Scoring.tfIdf(1f), 0);
        int a = file.add(new int[] {0, 1, 0});
        int b = file.add(new int[] {2, 1});
        file.add(new int[] {3});
        file.remove(b);

        assertTrue(file.normsStale());
        Map<Integer, Float> s = scores(file, 0, 1);
        assertEquals(3 / Math.sqrt(10), s.get(a), 1e-6);
        assertFalse(s.containsKey(b));
        assertTrue(scores(file, 2).isEmpty(), "w2 was only in the removed document");
        assertEquals(2, file.documents());
        assertEquals(3, file.postings());
    }

    @Test
    void tfPowerDampsRepeatedWords() {
        // A = {w0 x4, w1}, B = {w2}; N = 2, idf ln 3 everywhere; query {w0}.
        InvertedFile plain = new InvertedFile(3, Scoring.tfIdf(1f), 0);
        InvertedFile damped = new InvertedFile(3, Scoring.tfIdf(0.5f), 0);
        for (InvertedFile f : new InvertedFile[] {plain, damped}) {
            f.add(new int[] {0, 0, 0, 0, 1});
            f.add(new int[] {2});
        }
        assertEquals(4 / Math.sqrt(17), scores(plain, 0).get(0), 1e-6);
        assertEquals(2 / Math.sqrt(5), scores(damped, 0).get(0), 1e-6);
    }

    @Test
    void aOneDocumentIndexStillScores() {
        InvertedFile file = new InvertedFile(4, Scoring.tfIdf(0.5f), 0);
        int only = file.add(new int[] {1, 2});
        assertEquals(1.0, scores(file, 1, 2).get(only), 1e-6);
        assertEquals(Math.sqrt(0.5), scores(file, 1).get(only), 1e-6);
    }

    @Test
    void freedSlotsAreReusedAndTheirOldWordsForgotten() {
        InvertedFile file = new InvertedFile(4, Scoring.tfIdf(1f), 0);
        int a = file.add(new int[] {0});
        file.add(new int[] {1});
        file.remove(a);
        int c = file.add(new int[] {2});
        assertEquals(a, c);
        assertTrue(scores(file, 0).isEmpty());
        assertEquals(1.0, scores(file, 2).get(c), 1e-6);
    }

    @Test
    void refusesStaleNormsUnknownSlotsAndWordsOutsideTheVocabulary() {
        InvertedFile file = new InvertedFile(4, Scoring.tfIdf(1f), 0);
        file.add(new int[] {0});
        assertThrows(IllegalStateException.class, () -> file.score(new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> file.remove(5));
        assertThrows(IllegalArgumentException.class, () -> file.add(new int[] {4}));
        assertThrows(IllegalArgumentException.class, () -> new InvertedFile(4, Scoring.tfIdf(1.5f), 0));
    }

    private static WordBag signed(int[] words, long[] signatures) {
        int[] ones = new int[words.length];
        java.util.Arrays.fill(ones, 1);
        return new WordBag(words, ones, 64, signatures);
    }

    /**
     * ASMK with 64-bit signatures, alpha 3: A = {w0: all ones, w1: zeros}, B = {w0: zeros}; N = 2, idf(w0) = ln 1.5,
     * idf(w1) = ln 3. Query {w0: 16 bits differ from A's}: u(A) = 1 - 32/64 = 0.5, u(B) = 1 - 96/64 &lt; 0 (no match).
     * Norms with weight 1: |A| = sqrt(idf0^2 + idf1^2), |q| = idf0, so score(A) = idf0^2 * 0.5^3 / (|q| |A|).
     */
    @Test
    void asmkCountsASharedWordByHowWellTheResidualSignaturesAgree() {
        InvertedFile file = new InvertedFile(3, Scoring.asmk(3f, 0f), 64);
        int a = file.add(signed(new int[] {0, 1}, new long[] {-1L, 0L}));
        int b = file.add(signed(new int[] {0}, new long[] {0L}));
        file.refreshNorms();
        ScoredDocuments s = file.score(signed(new int[] {0}, new long[] {-1L >>> 16}));
        double idf0 = Math.log(1.5);
        double idf1 = Math.log(3);
        assertEquals(1, s.count());
        assertEquals(a, s.documents()[0]);
        assertEquals(idf0 * idf0 * 0.125 / (idf0 * Math.sqrt(idf0 * idf0 + idf1 * idf1)), s.scores()[0], 1e-6);

        // The same query with identical signatures matches fully; bursts do not count twice (term weight 1).
        ScoredDocuments same = file.score(new WordBag(new int[] {0, 1}, new int[] {5, 1}, 64, new long[] {-1L, 0L}));
        assertEquals(1.0, same.scores()[same.documents()[0] == a ? 0 : 1], 1e-6);
        assertFalse(java.util.Arrays.stream(same.documents()).anyMatch(d -> d == b));
    }

    @Test
    void asmkRefusesBagsWithoutSignatures() {
        InvertedFile file = new InvertedFile(3, Scoring.asmk(3f, 0f), 64);
        assertThrows(IllegalArgumentException.class, () -> file.add(new int[] {0}));
    }

    @Test
    void wordsNoDocumentHasChangeNothing() {
        InvertedFile file = new InvertedFile(6, Scoring.tfIdf(1f), 0);
        int a = file.add(new int[] {0, 1});
        file.add(new int[] {2});
        assertEquals(scores(file, 0).get(a), scores(file, 0, 5, 5).get(a), 1e-7);
    }
}
