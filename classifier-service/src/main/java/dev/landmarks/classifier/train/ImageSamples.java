package dev.landmarks.classifier.train;

import dev.landmarks.classifier.model.ImagePreprocessing;
import dev.landmarks.classifier.model.Normalization;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Images for training from scratch. Each photo is resized once to {@code zoom x input} (kept as 0..255 floats);
 * a training sample is a random input-sized crop of it, flipped half the time, then normalised. Validation uses
 * exactly the serving preprocessing (whole photo resized to the input).
 */
final class ImageSamples implements SampleSource {
    private final List<float[]> zoomed = new ArrayList<>();
    private final List<float[]> plain = new ArrayList<>();
    private final int inputSize;
    private final int zoomedSize;
    private final Normalization normalization;

    ImageSamples(List<BufferedImage> images, int inputSize, double zoom, Normalization normalization) {
        this.inputSize = inputSize;
        this.zoomedSize = (int) Math.round(inputSize * zoom);
        this.normalization = normalization;
        for (BufferedImage image : images) {
            int[] rgb = ImagePreprocessing.rgbPixels(image);
            zoomed.add(ImagePreprocessing.resize(rgb, image.getWidth(), image.getHeight(), zoomedSize, zoomedSize));
            plain.add(ImagePreprocessing.toInput(image, inputSize, normalization));
        }
    }

    @Override
    public int inputLength() {
        return inputSize * inputSize * 3;
    }

    @Override
    public float[] trainingSample(int example, Random random) {
        float[] crop = Augmentation.random(zoomed.get(example), zoomedSize, inputSize, random);
        return ImagePreprocessing.normalize(crop, normalization);
    }

    /** A random augmented view, normalised: what the bottleneck views of a backbone are made of. */
    float[] augmentedView(int example, Random random) {
        return trainingSample(example, random);
    }

    @Override
    public float[] validationInput(int example) {
        return plain.get(example);
    }
}
