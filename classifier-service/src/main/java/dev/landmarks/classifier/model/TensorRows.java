package dev.landmarks.classifier.model;

import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

import java.util.Arrays;

/** Copies a float tensor whose first dimension is the batch into one flat row per image. */
public final class TensorRows {
    private TensorRows() {
    }

    public static float[][] of(TFloat32 t, int batch) {
        long total = t.shape().size();
        if (batch <= 0 || total % batch != 0) {
            throw new IllegalArgumentException("tensor of shape " + t.shape() + " does not split into " + batch + " rows");
        }
        int dim = (int) (total / batch);
        float[] flat = new float[(int) total];
        t.copyTo(DataBuffers.of(flat, false, false));
        float[][] rows = new float[batch][];
        for (int i = 0; i < batch; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
        }
        return rows;
    }
}
