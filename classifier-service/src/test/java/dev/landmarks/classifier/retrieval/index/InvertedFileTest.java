package dev.landmarks.classifier.retrieval.index;

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
        InvertedFile file = new InvertedFile(5, 1f);
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
        InvertedFile file = new InvertedFile(5, 1f);
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
        InvertedFile plain = new InvertedFile(3, 1f);
        InvertedFile damped = new InvertedFile(3, 0.5f);
        for (InvertedFile f : new InvertedFile[] {plain, damped}) {
            f.add(new int[] {0, 0, 0, 0, 1});
            f.add(new int[] {2});
        }
        assertEquals(4 / Math.sqrt(17), scores(plain, 0).get(0), 1e-6);
        assertEquals(2 / Math.sqrt(5), scores(damped, 0).get(0), 1e-6);
    }

    @Test
    void aOneDocumentIndexStillScores() {
        InvertedFile file = new InvertedFile(4, 0.5f);
        int only = file.add(new int[] {1, 2});
        assertEquals(1.0, scores(file, 1, 2).get(only), 1e-6);
        assertEquals(Math.sqrt(0.5), scores(file, 1).get(only), 1e-6);
    }

    @Test
    void freedSlotsAreReusedAndTheirOldWordsForgotten() {
        InvertedFile file = new InvertedFile(4, 1f);
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
        InvertedFile file = new InvertedFile(4, 1f);
        file.add(new int[] {0});
        assertThrows(IllegalStateException.class, () -> file.score(new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> file.remove(5));
        assertThrows(IllegalArgumentException.class, () -> file.add(new int[] {4}));
        assertThrows(IllegalArgumentException.class, () -> new InvertedFile(4, 1.5f));
    }

    @Test
    void wordsNoDocumentHasChangeNothing() {
        InvertedFile file = new InvertedFile(6, 1f);
        int a = file.add(new int[] {0, 1});
        file.add(new int[] {2});
        assertEquals(scores(file, 0).get(a), scores(file, 0, 5, 5).get(a), 1e-7);
    }
}
