package dev.landmarks.classifier.train;

import dev.landmarks.classifier.model.ImagePreprocessing;
import dev.landmarks.classifier.model.Normalization;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Images for training. Each photo is decoded once and kept only as two small 8-bit RGB copies: resized to
 * {@code zoom x input} (the augmentation source) and to the input (the plain serving view). A training sample is a
 * random input-sized crop of the first, flipped half the time, then normalised; validation uses the second.
 */
final class ImageSamples implements SampleSource {
    private final List<byte[]> zoomed = new ArrayList<>();
    private final List<byte[]> plain = new ArrayList<>();
    private final int inputSize;
    private final int zoomedSize;
    private final Normalization normalization;

    ImageSamples(List<TrainingExample> examples, int inputSize, double zoom, Normalization normalization) throws IOException {
        this.inputSize = inputSize;
        this.zoomedSize = (int) Math.round(inputSize * zoom);
        this.normalization = normalization;
        for (TrainingExample example : examples) {
            BufferedImage image = example.source().load();
            int[] rgb = ImagePreprocessing.rgbPixels(image);
            zoomed.add(bytes(ImagePreprocessing.resize(rgb, image.getWidth(), image.getHeight(), zoomedSize, zoomedSize)));
            plain.add(bytes(ImagePreprocessing.resize(rgb, image.getWidth(), image.getHeight(), inputSize, inputSize)));
        }
    }

    @Override
    public int inputLength() {
        return inputSize * inputSize * 3;
    }

    @Override
    public float[] trainingSample(int example, Random random) {
        float[] crop = Augmentation.random(floats(zoomed.get(example)), zoomedSize, inputSize, random);
        return ImagePreprocessing.normalize(crop, normalization);
    }

    @Override
    public float[] validationInput(int example) {
        return ImagePreprocessing.normalize(floats(plain.get(example)), normalization);
    }

    private static byte[] bytes(float[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) Math.round(values[i]);
        }
        return out;
    }

    private static float[] floats(byte[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] & 0xFF;
        }
        return out;
    }
}
