package dev.landmarks.classifier.retrieval.vocabulary;

import dev.landmarks.common.features.Features;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a uniform, seeded sample of descriptors from many images without holding an index of all of them:
 * selection sampling (each descriptor is kept with probability still-needed / still-unseen), one pass in the given
 * image order. Every descriptor when there are no more than wanted.
 */
final class DescriptorSample {
    private DescriptorSample() {
    }

    /** Row-major {@code min(size, total) * dim} values. */
    static float[] draw(List<Features> images, int dim, int size, long seed) {
        long total = 0;
        for (Features f : images) {
            if (f.size() > 0 && f.dim() != dim) {
                throw new IllegalArgumentException("mixed descriptor dimensions: " + f.dim() + " and " + dim);
            }
            total += f.size();
        }
        int wanted = (int) Math.min(size, total);
        float[] sample = new float[wanted * dim];
        SplittableRandom random = new SplittableRandom(seed);
        long unseen = total;
        int kept = 0;
        for (Features f : images) {
            float[] data = f.descriptors();
            for (int i = 0; i < f.size() && kept < wanted; i++, unseen--) {
                if (random.nextLong(unseen) < wanted - kept) {
                    System.arraycopy(data, i * dim, sample, kept * dim, dim);
                    kept++;
                }
            }
        }
        return sample;
    }
}
