package dev.landmarks.classifier.retrieval.vocabulary;

import dev.landmarks.common.features.Features;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTrainerTest {
    private static final int DIM = 16;

    /** Images whose descriptors scatter (sigma 0.05) around 24 random unit-cube points. */
    static List<Features> images(int count, int descriptors, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] prototypes = new float[24 * DIM];
        SplittableRandom protoRandom = new SplittableRandom(1234);
        for (int i = 0; i < prototypes.length; i++) {
            prototypes[i] = (float) protoRandom.nextDouble();
        }
        List<Features> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] d = new float[descriptors * DIM];
            for (int i = 0; i < descriptors; i++) {
                int p = random.nextInt(24);
                for (int j = 0; j < DIM; j++) {
                    d[i * DIM + j] = prototypes[p * DIM + j] + (float) (random.nextGaussian() * 0.05);
                }
            }
            float[] zeros = new float[descriptors];
            out.add(new Features("test", 10, 10, zeros, zeros, zeros, zeros, new float[0], DIM, d));
        }
        return out;
    }

    private static VocabularyConfig config(int coarse, int fine, long seed) {
        return new VocabularyConfig(coarse, fine, 10, 2_000, seed, null);
    }

    @Test
    void sameReferencesAndSeedGiveTheSameCodebook() {
        List<Features> refs = images(12, 300, 3);
        Vocabulary a = VocabularyTrainer.train(config(4, 8, 42), refs);
        Vocabulary b = VocabularyTrainer.train(config(4, 8, 42), refs);
        assertEquals(a.id(), b.id());
        assertArrayEquals(a.coarse().centres(), b.coarse().centres());
        assertEquals(a.words(refs.get(0)).length, 300);
        assertArrayEquals(a.words(refs.get(0)), b.words(refs.get(0)));
    }

    @Test
    void anotherSeedGivesAnotherCodebook() {
        List<Features> refs = images(12, 300, 3);
        assertNotEquals(VocabularyTrainer.train(config(4, 8, 42), refs).id(),
                VocabularyTrainer.train(config(4, 8, 43), refs).id());
    }

    @Test
    void twoLevelsGiveCoarseTimesFineWordsAndEveryWordIsReachable() {
        List<Features> refs = images(12, 300, 3);
        Vocabulary v = VocabularyTrainer.train(config(4, 8, 42), refs);
        assertEquals(32, v.size());
        // Each fine centre, used as a descriptor, quantises to its own word.
        int[] first = v.firstWords();
        for (int cell = 0; cell < 4; cell++) {
            float[] centres = v.fine().get(cell).centres();
            for (int w = 0; w < v.fine().get(cell).size(); w++) {
                int word = v.word(centres, w * DIM);
                assertTrue(word >= 0 && word < v.size());
                if (v.coarse().nearest(centres, w * DIM) == cell) {
                    assertEquals(first[cell] + w, word);
                }
            }
        }
    }

    @Test
    void theSampleIsCappedAndSeeded() {
        List<Features> refs = images(10, 500, 5);
        float[] a = DescriptorSample.draw(refs, DIM, 1_000, 9);
        assertEquals(1_000 * DIM, a.length);
        assertArrayEquals(a, DescriptorSample.draw(refs, DIM, 1_000, 9));
        assertEquals(5_000 * DIM, DescriptorSample.draw(refs, DIM, 1_000_000, 9).length);
    }

    @Test
    void aBagHoldsDistinctWordsTheirCountsAndTheSignsOfTheAggregatedResidual() {
        Vocabulary v = VocabularyTrainer.train(config(2, 4, 1), images(6, 200, 4));
        Features f = images(1, 150, 77).get(0);
        int[] words = v.words(f);
        WordBag bag = v.bag(f);
        assertEquals(DIM, bag.signatureBits());
        assertEquals(150, java.util.Arrays.stream(bag.counts()).sum());
        for (int i = 0; i < bag.size(); i++) {
            int word = bag.words()[i];
            assertEquals(java.util.Arrays.stream(words).filter(w -> w == word).count(), bag.counts()[i]);
            // Recompute the residual sum by hand: descriptor minus the word's fine centre.
            int cell = 0;
            while (cell + 1 < v.firstWords().length && v.firstWords()[cell + 1] <= word) {
                cell++;
            }
            float[] centre = java.util.Arrays.copyOfRange(v.fine().get(cell).centres(),
                    (word - v.firstWords()[cell]) * DIM, (word - v.firstWords()[cell] + 1) * DIM);
            float[] sum = new float[DIM];
            for (int d = 0; d < words.length; d++) {
                if (words[d] == word) {
                    for (int j = 0; j < DIM; j++) {
                        sum[j] += f.descriptors()[d * DIM + j] - centre[j];
                    }
                }
            }
            for (int j = 0; j < DIM; j++) {
                boolean bit = (bag.signatures()[i] >>> j & 1L) == 1L;
                assertEquals(sum[j] >= 0f, bit, "word " + word + " component " + j);
            }
        }
    }

    @Test
    void refusesToTrainWithoutDescriptors() {
        Features empty = Features.empty("test", 1, 1, DIM);
        assertThrows(IllegalArgumentException.class, () -> VocabularyTrainer.train(config(2, 2, 1), List.of(empty)));
    }

    @Test
    void refusesDescriptorsOfAnotherDimension() {
        Vocabulary v = VocabularyTrainer.train(config(2, 4, 1), images(3, 100, 1));
        Features wrong = new Features("test", 1, 1, new float[1], new float[1], new float[1], new float[1],
                new float[0], 8, new float[8]);
        assertThrows(IllegalArgumentException.class, () -> v.words(wrong));
    }
}
