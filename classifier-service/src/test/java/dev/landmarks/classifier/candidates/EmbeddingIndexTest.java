package dev.landmarks.classifier.candidates;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddingIndexTest {
    @Test
    void nearestIsByCosineNotByLength() {
        EmbeddingIndex index = new EmbeddingIndex(2);
        index.add("a", "A", new float[]{10, 0});
        index.add("b", "B", new float[]{1, 1});
        index.add("c", "C", new float[]{0, 0.1f});
        List<EmbeddingIndex.Neighbour> n = index.nearest(new float[]{1, 0.2f}, 2);
        assertEquals(List.of("a", "b"), n.stream().map(EmbeddingIndex.Neighbour::imageId).toList());
        assertEquals(1 / Math.sqrt(1.04), n.get(0).similarity(), 1e-6);
    }

    @Test
    void addingAnIdAgainReplacesIt() {
        EmbeddingIndex index = new EmbeddingIndex(2);
        index.add("a", "A", new float[]{1, 0});
        index.add("a", "A2", new float[]{0, 1});
        assertEquals(1, index.size());
        assertEquals("A2", index.nearest(new float[]{0, 1}, 5).get(0).landmarkId());
    }

    @Test
    void rejectsWrongDimensionsAndZeroVectors() {
        EmbeddingIndex index = new EmbeddingIndex(3);
        assertThrows(IllegalArgumentException.class, () -> index.add("a", "A", new float[]{1, 0}));
        assertThrows(IllegalArgumentException.class, () -> index.add("a", "A", new float[]{0, 0, 0}));
    }

    @Test
    void growsPastItsInitialCapacity() {
        EmbeddingIndex index = new EmbeddingIndex(2);
        for (int i = 0; i < 100; i++) {
            index.add("r" + i, "L" + (i % 7), new float[]{(float) Math.cos(i * 0.05), (float) Math.sin(i * 0.05)});
        }
        assertEquals(100, index.size());
        assertEquals("r40", index.nearest(new float[]{(float) Math.cos(2.0), (float) Math.sin(2.0)}, 1).get(0).imageId());
    }
}
