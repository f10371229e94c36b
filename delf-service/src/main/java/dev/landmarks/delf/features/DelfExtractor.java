package dev.landmarks.delf.features;

import dev.landmarks.common.features.Features;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * DELF local features from a SavedModel with the official signature (see {@link DelfEndpoints}): the model is
 * loaded once; each call feeds the RGB pixels, the pyramid scales, the attention threshold and the feature budget,
 * and turns boxes, descriptors, scales and attention into {@link Features} (keypoint = box centre, descriptors
 * L2-normalised, PCA to {@link DelfConfig#pcaDim()} when PCA parameters sit beside the model).
 * {@link #id()} is "delf:" + the first 12 hex of the SavedModel's SHA-256 (plus "-pca&lt;dim&gt;[w]:" + 8 hex of the
 * PCA files when PCA is applied), so features from different models or projections never look comparable.
 */
public final class DelfExtractor implements LocalFeatureExtractor {
    /** Below this side DELF's own extractor returns no features (its _MIN_HEIGHT/_MIN_WIDTH). */
    static final int MIN_SIDE = 10;
    private static final int ID_HEX = 12;
    private static final int PCA_ID_HEX = 8;

    private final DelfConfig config;
    private final SavedModelBundle bundle;
    private final DelfEndpoints endpoints;
    private final Optional<PcaProjection> pca;
    private final String id;

    private DelfExtractor(DelfConfig config, SavedModelBundle bundle, DelfEndpoints endpoints,
                          Optional<PcaProjection> pca, String id) {
        this.config = config;
        this.bundle = bundle;
        this.endpoints = endpoints;
        this.pca = pca;
        this.id = id;
    }

    /** Loads the model (and PCA parameters when configured and present); fails early on a model without the signature. */
    public static DelfExtractor load(DelfConfig config) throws IOException {
        Path dir = config.modelDir();
        if (!DelfConfig.isSavedModel(dir)) {
            throw new IOException("no SavedModel at " + dir.toAbsolutePath() + " (saved_model.pb missing)");
        }
        Optional<PcaProjection> pca = PcaProjection.loadIfConfigured(config);
        String id = "delf:" + ModelHash.ofSavedModel(dir).substring(0, ID_HEX);
        if (pca.isPresent()) {
            Path pcaDir = config.resolvedPcaDir().orElseThrow();
            List<Path> files = pca.get().whitening()
                    ? List.of(pcaDir.resolve(PcaProjection.MEAN_FILE), pcaDir.resolve(PcaProjection.MATRIX_FILE),
                    pcaDir.resolve(PcaProjection.VARIANCES_FILE))
                    : List.of(pcaDir.resolve(PcaProjection.MEAN_FILE), pcaDir.resolve(PcaProjection.MATRIX_FILE));
            id += "-pca" + config.pcaDim() + (pca.get().whitening() ? "w" : "") + ":"
                    + ModelHash.of(pcaDir, files).substring(0, PCA_ID_HEX);
        }
        SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
        try {
            return new DelfExtractor(config, bundle, DelfEndpoints.resolve(bundle), pca, id);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    @Override
    public String id() {
        return id;
    }

    /** Descriptor length of this extractor's output, once known: the PCA dimension, or empty (the model decides). */
    public Optional<Integer> projectedDim() {
        return pca.map(PcaProjection::outputDim);
    }

    @Override
    public Features extract(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width < MIN_SIDE || height < MIN_SIDE) {
            return Features.empty(id, width, height, pca.map(PcaProjection::outputDim).orElse(0));
        }
        try (TUint8 pixels = TUint8.tensorOf(Shape.of(height, width, 3), DataBuffers.of(rgbBytes(image), true, false));
             TFloat32 scales = TFloat32.vectorOf(config.scalesArray());
             TInt32 maxFeatures = TInt32.scalarOf(config.maxFeatures());
             TFloat32 threshold = TFloat32.scalarOf(config.scoreThreshold());
             Result out = bundle.session().runner()
                     .feed(endpoints.image(), pixels)
                     .feed(endpoints.imageScales(), scales)
                     .feed(endpoints.maxFeatureNum(), maxFeatures)
                     .feed(endpoints.scoreThreshold(), threshold)
                     .fetch(endpoints.boxes())
                     .fetch(endpoints.features())
                     .fetch(endpoints.scales())
                     .fetch(endpoints.scores())
                     .run()) {
            Tensor features = out.get(1);
            if (features.shape().numDimensions() != 2) {
                throw new IllegalStateException("DELF features output should be [N, D], is " + features.shape());
            }
            int dim = (int) features.shape().get(1);
            DelfPostProcessing.RawOutputs raw = new DelfPostProcessing.RawOutputs(
                    floats(out.get(0)), floats(features), dim, floats(out.get(2)), floats(out.get(3)));
            return DelfPostProcessing.toFeatures(id, width, height, raw, pca, config.maxFeatures(),
                    config.scoreThreshold());
        }
    }

    @Override
    public void close() {
        bundle.close();
    }

    /** Row-major H x W x 3 RGB bytes; any image type (grey, indexed, CMYK-decoded) goes through getRGB. */
    static byte[] rgbBytes(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] out = new byte[width * height * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = row[x];
                int o = (y * width + x) * 3;
                out[o] = (byte) (p >> 16);
                out[o + 1] = (byte) (p >> 8);
                out[o + 2] = (byte) p;
            }
        }
        return out;
    }

    private static float[] floats(Tensor tensor) {
        if (!(tensor instanceof TFloat32 t)) {
            throw new IllegalStateException("DELF outputs are float32; got " + tensor.dataType());
        }
        float[] out = new float[Math.toIntExact(t.size())];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }
}
