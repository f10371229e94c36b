package dev.landmarks.delf.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * DELF's descriptor post-processing after the model: subtract the mean, project onto the first {@code outputDim}
 * rows of the PCA matrix, optionally whiten by the component variances, then L2-normalise again (as DELF's
 * feature_extractor.PostProcessDescriptors does). Loaded from the official files: {@code mean.datum} [D],
 * {@code pca_proj_mat.datum} [D x D] (rows = components, strongest first), {@code pca_vars.datum} [D] (whitening only).
 *
 * @param mean       D values
 * @param matrix     at least {@code outputDim} rows of D values, row-major
 * @param variances  D values, or empty when whitening is off
 * @param outputDim  dimensions kept
 */
public record PcaProjection(float[] mean, float[] matrix, float[] variances, int outputDim) {
    public static final String MEAN_FILE = "mean.datum";
    public static final String MATRIX_FILE = "pca_proj_mat.datum";
    public static final String VARIANCES_FILE = "pca_vars.datum";

    public PcaProjection {
        int d = mean.length;
        if (d == 0 || outputDim < 1 || outputDim > d) {
            throw new IllegalArgumentException("PCA to " + outputDim + " dims needs a mean of at least that many, has " + d);
        }
        if (matrix.length < (long) outputDim * d || matrix.length % d != 0) {
            throw new IllegalArgumentException("PCA matrix holds " + matrix.length + " values; needs rows of " + d
                    + " and at least " + outputDim + " rows");
        }
        if (variances.length != 0 && variances.length < outputDim) {
            throw new IllegalArgumentException("PCA variances hold " + variances.length + " values, need " + outputDim);
        }
        for (int i = 0; i < variances.length && i < outputDim; i++) {
            if (!(variances[i] > 0f)) {
                throw new IllegalArgumentException("PCA variance " + i + " is not positive: " + variances[i]);
            }
        }
    }

    public int inputDim() {
        return mean.length;
    }

    public boolean whitening() {
        return variances.length != 0;
    }

    /** True when {@code dir} has the mean and projection files. */
    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(MEAN_FILE)) && Files.isRegularFile(dir.resolve(MATRIX_FILE));
    }

    public static PcaProjection load(Path dir, int outputDim, boolean whitening) throws IOException {
        DatumFile mean = DatumFile.read(dir.resolve(MEAN_FILE));
        DatumFile matrix = DatumFile.read(dir.resolve(MATRIX_FILE));
        float[] variances = new float[0];
        if (whitening) {
            Path vars = dir.resolve(VARIANCES_FILE);
            if (!Files.isRegularFile(vars)) {
                throw new IOException("PCA whitening is on but " + vars + " is missing");
            }
            variances = DatumFile.read(vars).values();
        }
        try {
            return new PcaProjection(mean.values(), matrix.values(), variances, outputDim);
        } catch (IllegalArgumentException e) {
            throw new IOException("PCA parameters in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Projects {@code n} L2-normalised rows of {@link #inputDim()} values; returns {@code n x outputDim}, L2-normalised. */
    public float[] apply(float[] rows, int n) {
        int d = inputDim();
        if (rows.length != (long) n * d) {
            throw new IllegalArgumentException("PCA expects " + d + "-d descriptors, got " + rows.length + " values for "
                    + n + " rows");
        }
        float[] out = new float[n * outputDim];
        double[] centred = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                centred[j] = rows[r * d + j] - mean[j];
            }
            for (int k = 0; k < outputDim; k++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += matrix[k * d + j] * centred[j];
                }
                out[r * outputDim + k] = (float) (whitening() ? dot / Math.sqrt(variances[k]) : dot);
            }
        }
        DelfPostProcessing.l2NormaliseRows(out, n, outputDim);
        return out;
    }

    static Optional<PcaProjection> loadIfConfigured(DelfConfig config) throws IOException {
        Optional<Path> dir = config.resolvedPcaDir();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(load(dir.get(), config.pcaDim(), config.pcaWhitening()));
    }
}
