package dev.landmarks.common.image;

/**
 * For shrinking n input samples to m output samples along one axis: output i covers the input interval
 * [i*n/m, (i+1)*n/m); each input sample it touches gets a weight equal to the part of it inside that interval,
 * divided by the interval's length, so the weights of one output sum to 1.
 */
final class AreaWeights {
    private final int[] firsts;
    private final float[][] weightsPerOutput;

    private AreaWeights(int[] firsts, float[][] weightsPerOutput) {
        this.firsts = firsts;
        this.weightsPerOutput = weightsPerOutput;
    }

    static AreaWeights of(int inputs, int outputs) {
        if (outputs < 1 || outputs > inputs) {
            throw new IllegalArgumentException("can only shrink: " + inputs + " -> " + outputs);
        }
        int[] firsts = new int[outputs];
        float[][] weights = new float[outputs][];
        double span = (double) inputs / outputs;
        for (int i = 0; i < outputs; i++) {
            double start = i * span;
            double end = Math.min(inputs, (i + 1) * span);
            int first = (int) Math.floor(start);
            int last = Math.min(inputs - 1, (int) Math.ceil(end) - 1);
            float[] w = new float[last - first + 1];
            for (int k = first; k <= last; k++) {
                double overlap = Math.min(end, k + 1) - Math.max(start, k);
                w[k - first] = (float) (Math.max(0, overlap) / span);
            }
            firsts[i] = first;
            weights[i] = w;
        }
        return new AreaWeights(firsts, weights);
    }

    int first(int output) {
        return firsts[output];
    }

    float[] weights(int output) {
        return weightsPerOutput[output];
    }
}
