package dev.landmarks.delf.features;

import dev.landmarks.common.features.Features;
import dev.landmarks.delf.SampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DELF extraction through a SavedModel this test builds with the official signature ({@link TinyDelfModel}),
 * on a real photo from sample/.
 */
class DelfExtractorTest {
    static final int RAW_DIM = 64;
    /** Working size for the test photo: keeps 7 pyramid levels cheap on 2 shared cores. */
    static final int TEST_SIDE = 400;

    @TempDir
    static Path tmp;
    static Path plainModel;
    static Path pcaModel;
    static BufferedImage photo;
    static DelfExtractor plain;

    @BeforeAll
    static void buildModels() throws IOException {
        plainModel = tmp.resolve("plain/model");
        TinyDelfModel.export(plainModel, RAW_DIM, 7);
        // the official tarball layout: <root>/model (SavedModel) beside <root>/pca (datum files)
        pcaModel = tmp.resolve("withpca/model");
        copyTree(plainModel, pcaModel);
        Path pca = Files.createDirectories(tmp.resolve("withpca/pca"));
        Random random = new Random(3);
        float[] mean = new float[RAW_DIM];
        float[] matrix = new float[RAW_DIM * RAW_DIM];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (random.nextGaussian() * 0.01);
        }
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) random.nextGaussian();
        }
        DatumFiles.write(pca.resolve(PcaProjection.MEAN_FILE), new long[]{RAW_DIM}, mean, true);
        DatumFiles.write(pca.resolve(PcaProjection.MATRIX_FILE), new long[]{RAW_DIM, RAW_DIM}, matrix, true);

        photo = shrink(ImageIO.read(SampleData.path("train/sacre_coeur/1054b7e1d15a7ef7.jpg").toFile()), TEST_SIDE);
        plain = DelfExtractor.load(DelfConfig.defaults(plainModel));
    }

    @AfterAll
    static void closeModel() {
        if (plain != null) {
            plain.close();
        }
    }

    @Test
    void officialDefaultsGiveKeypointsInsideTheImageAboveTheThresholdStrongestFirst() {
        Features f = plain.extract(photo);

        assertTrue(f.size() > 0, "the tiny model should find some keypoints");
        assertTrue(f.size() <= DelfConfig.DEFAULT_MAX_FEATURES);
        assertEquals(RAW_DIM, f.dim());
        assertEquals(photo.getWidth(), f.width());
        assertEquals(photo.getHeight(), f.height());
        for (int i = 0; i < f.size(); i++) {
            assertTrue(f.x()[i] >= 0 && f.x()[i] < photo.getWidth(), "x " + f.x()[i]);
            assertTrue(f.y()[i] >= 0 && f.y()[i] < photo.getHeight(), "y " + f.y()[i]);
            assertTrue(f.strength()[i] >= DelfConfig.DEFAULT_SCORE_THRESHOLD, "attention " + f.strength()[i]);
            if (i > 0) {
                assertTrue(f.strength()[i] <= f.strength()[i - 1], "strongest first");
            }
            assertEquals(1.0, norm(f.descriptor(i)), 1e-4);
        }
        assertTrue(f.extractor().matches("delf:[0-9a-f]{12}"), f.extractor());
    }

    @Test
    void theModelItselfHonoursTheFeatureBudget() throws IOException {
        DelfConfig d = DelfConfig.defaults(plainModel);
        DelfConfig small = new DelfConfig(plainModel, d.imageScales(), 25, d.scoreThreshold(), false, 40, false,
                Optional.empty());
        try (DelfExtractor extractor = DelfExtractor.load(small)) {
            Features f = extractor.extract(photo);

            assertEquals(25, f.size());
            Features all = plain.extract(photo);
            assertArrayEquals(java.util.Arrays.copyOf(all.strength(), 25), f.strength());
        }
    }

    @Test
    void aHigherAttentionThresholdKeepsFewerAndOnlyStrongerKeypoints() throws IOException {
        DelfConfig d = DelfConfig.defaults(plainModel);
        DelfConfig strict = new DelfConfig(plainModel, d.imageScales(), 5000, 150f, false, 40, false, Optional.empty());
        DelfConfig loose = new DelfConfig(plainModel, d.imageScales(), 5000, 100f, false, 40, false, Optional.empty());
        try (DelfExtractor s = DelfExtractor.load(strict); DelfExtractor l = DelfExtractor.load(loose)) {
            Features fs = s.extract(photo);
            Features fl = l.extract(photo);

            assertTrue(fs.size() < fl.size(), fs.size() + " vs " + fl.size());
            for (float a : fs.strength()) {
                assertTrue(a >= 150f, "attention " + a);
            }
        }
    }

    @Test
    void fewerScalesFindFewerKeypoints() throws IOException {
        DelfConfig d = DelfConfig.defaults(plainModel);
        DelfConfig one = new DelfConfig(plainModel, List.of(1.0f), 5000, d.scoreThreshold(), false, 40, false,
                Optional.empty());
        try (DelfExtractor e = DelfExtractor.load(one)) {
            Features f = e.extract(photo);

            assertTrue(f.size() > 0);
            for (float s : f.scale()) {
                assertEquals(TinyDelfModel.CELL - 1f, s, 1e-4f, "one scale of 1.0: every receptive box is one cell");
            }
        }
    }

    @Test
    void pcaFilesBesideTheModelProjectTo40DimsExactlyAsDelfDoes() throws IOException {
        try (DelfExtractor withPca = DelfExtractor.load(DelfConfig.defaults(pcaModel))) {
            Features projected = withPca.extract(photo);
            Features raw = plain.extract(photo);

            assertEquals(DelfConfig.DEFAULT_PCA_DIM, projected.dim());
            assertEquals(Optional.of(40), withPca.projectedDim());
            assertTrue(withPca.id().matches("delf:[0-9a-f]{12}-pca40:[0-9a-f]{8}"), withPca.id());
            assertTrue(withPca.id().startsWith(plain.id()), "same SavedModel bytes, same model hash");
            assertArrayEquals(raw.x(), projected.x());
            PcaProjection pca = PcaProjection.load(tmp.resolve("withpca/pca"), 40, false);
            assertArrayEquals(pca.apply(raw.descriptors(), raw.size()), projected.descriptors(), 1e-5f);
        }
    }

    @Test
    void pcaOffIgnoresTheFiles() throws IOException {
        DelfConfig d = DelfConfig.defaults(pcaModel);
        DelfConfig off = new DelfConfig(pcaModel, d.imageScales(), d.maxFeatures(), d.scoreThreshold(), false, 40,
                false, Optional.empty());
        try (DelfExtractor e = DelfExtractor.load(off)) {
            assertEquals(RAW_DIM, e.extract(photo).dim());
            assertEquals(plain.id(), e.id());
        }
    }

    @Test
    void whiteningWithoutVariancesFailsAtLoad() {
        DelfConfig d = DelfConfig.defaults(pcaModel);
        DelfConfig whiten = new DelfConfig(pcaModel, d.imageScales(), d.maxFeatures(), d.scoreThreshold(), true, 40,
                true, Optional.empty());

        assertThrows(IOException.class, () -> DelfExtractor.load(whiten));
    }

    @Test
    void sameImageSameFeatures() throws IOException {
        Features a = plain.extract(photo);
        Features b = plain.extract(photo);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.strength(), b.strength());
        assertArrayEquals(a.descriptors(), b.descriptors());
        try (DelfExtractor again = DelfExtractor.load(DelfConfig.defaults(plainModel))) {
            assertEquals(plain.id(), again.id());
            assertArrayEquals(a.descriptors(), again.extract(photo).descriptors());
        }
    }

    @Test
    void aDifferentModelHasADifferentId() throws IOException {
        Path other = tmp.resolve("other/model");
        TinyDelfModel.export(other, RAW_DIM, 8);
        try (DelfExtractor e = DelfExtractor.load(DelfConfig.defaults(other))) {
            assertNotEquals(plain.id(), e.id());
        }
    }

    @Test
    void greyAndTinyImagesAreHandled() {
        BufferedImage grey = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(photo, 0, 0, null);
        assertTrue(plain.extract(grey).size() > 0);

        Features tiny = plain.extract(new BufferedImage(8, 30, BufferedImage.TYPE_INT_RGB));
        assertEquals(0, tiny.size());
        assertEquals(8, tiny.width());
    }

    @Test
    void aDirectoryWithoutASavedModelIsRefused() {
        assertThrows(IOException.class, () -> DelfExtractor.load(DelfConfig.defaults(tmp.resolve("nothing-here"))));
    }

    @Test
    void withoutTheOfficialSignatureTheGraphTensorNamesAreUsedAsForTf1Exports() throws IOException {
        Path tf1Like = tmp.resolve("tf1like/model");
        TinyDelfModel.export(tf1Like, RAW_DIM, 7, false);
        try (DelfExtractor e = DelfExtractor.load(DelfConfig.defaults(tf1Like))) {
            assertArrayEquals(plain.extract(photo).descriptors(), e.extract(photo).descriptors());
        }
    }

    @Test
    void aSavedModelThatIsNotDelfIsRefusedWithWhatItOffers() throws IOException {
        Path other = tmp.resolve("notdelf/model");
        TinyDelfModel.exportNotDelf(other);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DelfExtractor.load(DelfConfig.defaults(other)));
        assertTrue(e.getMessage().contains("not a DELF local-feature model"), e.getMessage());
        assertTrue(e.getMessage().contains("serving_default"), e.getMessage());
    }

    static BufferedImage shrink(BufferedImage image, int side) {
        double f = (double) side / Math.max(image.getWidth(), image.getHeight());
        int w = (int) Math.round(image.getWidth() * f);
        int h = (int) Math.round(image.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
