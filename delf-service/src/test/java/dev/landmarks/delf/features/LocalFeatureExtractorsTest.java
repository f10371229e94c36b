package dev.landmarks.delf.features;

import dev.landmarks.common.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory and the DELF settings: RootSIFT unless a DELF model directory is configured. */
class LocalFeatureExtractorsTest {
    @TempDir
    Path tmp;

    @Test
    void rootSiftIsTheDefault() throws IOException {
        try (LocalFeatureExtractor e = LocalFeatureExtractors.create(FeaturesConfig.from(Settings.of(Map.of())))) {
            assertInstanceOf(RootSiftExtractor.class, e);
        }
    }

    @Test
    void aModelDirectoryChoosesDelf() throws IOException {
        Path model = tmp.resolve("model");
        TinyDelfModel.export(model, 16, 1);
        Settings s = Settings.of(Map.of("delf.model-dir", model.toString(), "delf.scales", "0.5, 1.0",
                "delf.max-features", "300"));

        FeaturesConfig config = FeaturesConfig.from(s);
        try (LocalFeatureExtractor e = LocalFeatureExtractors.create(config)) {
            assertInstanceOf(DelfExtractor.class, e);
            assertTrue(e.id().matches("delf:[0-9a-f]{12}"), e.id());
        }
        assertEquals(List.of(0.5f, 1.0f), config.delf().orElseThrow().imageScales());
        assertEquals(300, config.delf().orElseThrow().maxFeatures());
    }

    @Test
    void aMissingModelDirectoryFailsLoudly() {
        FeaturesConfig config = FeaturesConfig.delf(DelfConfig.defaults(tmp.resolve("absent")));

        assertThrows(IOException.class, () -> LocalFeatureExtractors.create(config));
    }

    @Test
    void delfDefaultsAreTheOfficialOnes() {
        DelfConfig d = DelfConfig.from(Settings.of(Map.of("delf.model-dir", "/m"))).orElseThrow();

        assertEquals(List.of(0.25f, 0.3536f, 0.5f, 0.7071f, 1.0f, 1.4142f, 2.0f), d.imageScales());
        assertEquals(1000, d.maxFeatures());
        assertEquals(100f, d.scoreThreshold());
        assertTrue(d.pca());
        assertEquals(40, d.pcaDim());
        assertEquals(false, d.pcaWhitening());
        assertEquals(Optional.empty(), d.pcaDir());
    }

    @Test
    void badDelfSettingsAreRefusedWithTheKeyInTheMessage() {
        for (Map<String, String> bad : List.of(
                Map.of("delf.scales", "0.5,-1"),
                Map.of("delf.scales", "half"),
                Map.of("delf.scales", " , "),
                Map.of("delf.max-features", "0"),
                Map.of("delf.score-threshold", "-1"),
                Map.of("delf.pca-dim", "0"))) {
            Map<String, String> values = new java.util.HashMap<>(bad);
            values.put("delf.model-dir", "/m");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DelfConfig.from(Settings.of(values)), bad.toString());
            assertTrue(e.getMessage().contains("delf."), e.getMessage());
        }
    }

    @Test
    void pcaParametersAreLookedForInsideThenBesideTheModel() throws IOException {
        Path root = tmp.resolve("delf_gld");
        Path model = java.nio.file.Files.createDirectories(root.resolve("model"));
        Path beside = java.nio.file.Files.createDirectories(root.resolve("pca"));
        DatumFiles.write(beside.resolve(PcaProjection.MEAN_FILE), new long[]{2}, new float[2], true);
        DatumFiles.write(beside.resolve(PcaProjection.MATRIX_FILE), new long[]{2, 2}, new float[4], true);

        assertEquals(Optional.of(beside.toAbsolutePath()), DelfConfig.defaults(model).resolvedPcaDir());
        DelfConfig off = new DelfConfig(model, DelfConfig.DEFAULT_SCALES, 1000, 100f, false, 40, false, Optional.empty());
        assertEquals(Optional.empty(), off.resolvedPcaDir());
        DelfConfig elsewhere = new DelfConfig(model, DelfConfig.DEFAULT_SCALES, 1000, 100f, true, 40, false,
                Optional.of(tmp.resolve("nowhere")));
        assertEquals(Optional.empty(), elsewhere.resolvedPcaDir());
    }
}
