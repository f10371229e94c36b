package dev.landmarks.delf.features;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real extractor (OpenCV natives) on photos of the bundled sample. */
class RootSiftExtractorTest {
    // A 1067x694 photo of the Sacre-Coeur and the 800x640 graffiti image from the project's bundled sample.
    private static final Path SACRE_COEUR = Path.of("../sample/train/sacre_coeur/9f6e46808ed827f1.jpg");
    private static final Path GRAFFITI = Path.of("../sample/train/opencv_graf/2b8de19480fdc436.png");
    private static BufferedImage photo;

    @BeforeAll
    static void readPhoto() throws IOException {
        photo = ImageIO.read(SACRE_COEUR.toFile());
    }

    @Test
    void idNamesVersionSizeAndBudget() {
        assertEquals("rootsift-v1:1024px:3000", new RootSiftExtractor(RootSiftConfig.defaults()).id());
        assertEquals("rootsift-v1:640px:1000",
                new RootSiftExtractor(RootSiftConfig.defaults().withSize(640, 1000)).id());
    }

    @Test
    void keepsTheStrongestWithinBudgetOnTheWorkingGrid() {
        var extractor = new RootSiftExtractor(RootSiftConfig.defaults().withSize(640, 500));
        Features f = extractor.extract(photo);
        assertEquals(640, f.width());
        assertEquals(416, f.height());
        assertEquals(500, f.size());
        assertEquals(128, f.dim());
        assertEquals(extractor.id(), f.extractor());
        for (int i = 0; i < f.size(); i++) {
            assertTrue(f.x()[i] >= 0 && f.x()[i] < f.width() && f.y()[i] >= 0 && f.y()[i] < f.height());
            if (i > 0) {
                assertTrue(f.strength()[i] <= f.strength()[i - 1], "strongest first at " + i);
            }
            double sq = 0;
            for (float v : f.descriptor(i)) {
                assertTrue(v >= 0);
                sq += v * v;
            }
            assertEquals(1.0, sq, 1e-4, "RootSIFT descriptors have unit norm");
        }
    }

    @Test
    void sameImageGivesIdenticalFeatures() {
        var extractor = new RootSiftExtractor(RootSiftConfig.defaults().withSize(640, 300));
        Features a = extractor.extract(photo);
        Features b = extractor.extract(photo);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.descriptors(), b.descriptors());
    }

    @Test
    void smallImagesAreNotUpscaled() throws IOException {
        Features f = new RootSiftExtractor(RootSiftConfig.defaults()).extract(ImageIO.read(GRAFFITI.toFile()));
        assertEquals(800, f.width());
        assertEquals(640, f.height());
        assertTrue(f.size() > 1000, "graffiti is richly textured, got " + f.size());
    }

    @Test
    void blankImageHasNoFeatures() {
        Features f = new RootSiftExtractor(RootSiftConfig.defaults())
                .extract(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB));
        assertEquals(0, f.size());
        assertEquals(128, f.dim());
        assertEquals(300, f.width());
    }

    @Test
    void configComesFromSettingsAndIsValidated() {
        RootSiftConfig c = RootSiftConfig.from(Settings.of(Map.of(
                "rootsift.max-side", "800", "rootsift.max-features", "2000", "rootsift.contrast-threshold", "0.02")));
        assertEquals(new RootSiftConfig(800, 2000, 3, 0.02, 10, 1.6), c);
        assertEquals(RootSiftConfig.defaults(), RootSiftConfig.from(Settings.of(Map.of())));
        assertThrows(IllegalArgumentException.class, () -> RootSiftConfig.defaults().withSize(8, 100));
        assertThrows(IllegalArgumentException.class, () -> RootSiftConfig.defaults().withSize(640, 0));
        assertThrows(IllegalArgumentException.class, () -> new RootSiftConfig(640, 10, 3, 0, 10, 1.6));
    }
}
