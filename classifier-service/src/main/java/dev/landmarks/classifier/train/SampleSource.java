package dev.landmarks.classifier.train;

import java.util.Random;

/**
 * Network inputs for training examples: an augmented sample for training steps, and the plain serving view for
 * validation. Images (training from scratch) and precomputed backbone bottlenecks are the two sources.
 */
interface SampleSource {
    /** Values per input (image pixels x 3, or bottleneck features). */
    int inputLength();

    float[] trainingSample(int example, Random random);

    float[] validationInput(int example);
}
