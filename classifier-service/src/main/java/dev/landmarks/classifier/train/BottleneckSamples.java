package dev.landmarks.classifier.train;

import java.util.List;
import java.util.Random;

/**
 * Backbone features computed once per photo and view (view 0 = the plain serving view, the rest augmented):
 * a training sample is a random view's features, validation uses view 0. The frozen backbone never runs in the
 * training loop, which is what makes transfer learning cheap.
 */
final class BottleneckSamples implements SampleSource {
    private final List<float[][]> views;

    /** @param views per example, its views' feature vectors (view 0 first) */
    BottleneckSamples(List<float[][]> views) {
        this.views = List.copyOf(views);
    }

    @Override
    public int inputLength() {
        return views.get(0)[0].length;
    }

    @Override
    public float[] trainingSample(int example, Random random) {
        float[][] v = views.get(example);
        return v[random.nextInt(v.length)];
    }

    @Override
    public float[] validationInput(int example) {
        return views.get(example)[0];
    }
}
