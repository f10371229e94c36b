package dev.landmarks.classifier.train;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Augmentation, the validation split and class-balanced sampling, and reading a train.csv. */
class DataPrepTest {
    // A 3x3 image whose pixel (x, y) has channels (10y + x, 100 + 10y + x, 200 + 10y + x).
    private static float[] grid() {
        float[] v = new float[27];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                int o = (y * 3 + x) * 3;
                v[o] = 10 * y + x;
                v[o + 1] = 100 + 10 * y + x;
                v[o + 2] = 200 + 10 * y + x;
            }
        }
        return v;
    }

    @Test
    void cropTakesTheWindowAndFlipMirrorsIt() {
        assertArrayEquals(new float[]{11, 111, 211, 12, 112, 212, 21, 121, 221, 22, 122, 222},
                Augmentation.cropAndFlip(grid(), 3, 2, 1, 1, false));
        assertArrayEquals(new float[]{1, 101, 201, 0, 100, 200, 11, 111, 211, 10, 110, 210},
                Augmentation.cropAndFlip(grid(), 3, 2, 0, 0, true));
        assertArrayEquals(grid(), Augmentation.cropAndFlip(grid(), 3, 3, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.cropAndFlip(grid(), 3, 2, 2, 0, false));
    }

    @Test
    void splitHoldsOutTheSameShareOfEveryClassButNeverItsLastPhoto() {
        // Class 0: 10 photos, class 1: 5, class 2: 1.
        int[] labels = new int[16];
        for (int i = 10; i < 15; i++) {
            labels[i] = 1;
        }
        labels[15] = 2;
        DataSplit split = DataSplit.of(labels, 3, 0.2, new Random(1));
        long held0 = split.validation().stream().filter(i -> labels[i] == 0).count();
        long held1 = split.validation().stream().filter(i -> labels[i] == 1).count();
        assertEquals(2, held0);
        assertEquals(1, held1);
        assertTrue(split.validation().stream().noneMatch(i -> labels[i] == 2), "a single photo stays in training");
        assertEquals(13, split.trainCount());
    }

    @Test
    void balancedBatchesDrawEveryClassAboutEquallyAndNeverAValidationPhoto() {
        int[] labels = new int[16];
        for (int i = 10; i < 15; i++) {
            labels[i] = 1;
        }
        labels[15] = 2;
        DataSplit split = DataSplit.of(labels, 3, 0.2, new Random(1));
        int[] perClass = new int[3];
        Set<Integer> held = new HashSet<>(split.validation());
        Random random = new Random(2);
        for (int b = 0; b < 100; b++) {
            for (int i : split.balancedBatch(30, random)) {
                perClass[labels[i]]++;
                assertTrue(!held.contains(i));
            }
        }
        for (int c = 0; c < 3; c++) {
            assertTrue(perClass[c] > 900 && perClass[c] < 1100, "class " + c + " drawn " + perClass[c] + " of 3000");
        }
    }

    @Test
    void readsTheBundledSampleTrainCsv() throws Exception {
        List<TrainingExample> examples = TrainingExample.readCsv(Path.of("..", "sample", "train.csv"));
        assertEquals(9, examples.size());
        assertEquals("sacre_coeur", examples.get(0).landmarkId());
        assertTrue(examples.get(2).source().load().getWidth() > 0, "the PNG decodes");
    }

    @Test
    void configValidatesItsValues() {
        TrainConfig d = TrainConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withSchedule(0, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> d.withNetwork(16, List.of(8, 8, 8, 8, 8), 8),
                "16 px cannot be pooled four times");
        var settings = dev.landmarks.common.config.Settings.of(java.util.Map.of(
                "train.conv-channels", "8, 16", "train.normalization", "caffe", "train.max-epochs", "3"));
        TrainConfig fromSettings = TrainConfig.from(settings);
        assertEquals(List.of(8, 16), fromSettings.convChannels());
        assertEquals(dev.landmarks.classifier.model.Normalization.CAFFE, fromSettings.normalization());
        assertEquals(3, fromSettings.maxEpochs());
    }

    @Test
    void refusesANonEmptyOutputDirectoryBeforeTraining(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("old.txt"), "an older model");
        var examples = List.of(TrainingExample.of(new java.awt.image.BufferedImage(8, 8, 1), "a"),
                TrainingExample.of(new java.awt.image.BufferedImage(8, 8, 1), "b"));
        var e = assertThrows(java.io.IOException.class, () -> new Trainer(TrainConfig.defaults(), System.err)
                .train(examples, java.util.Optional.empty(), tmp));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }
}
