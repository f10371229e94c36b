package dev.landmarks.delf.features;

import dev.landmarks.common.features.Features;

import java.awt.image.BufferedImage;

/**
 * Turns an image into local features (keypoints + descriptors), strongest first. Two implementations: the
 * weight-free RootSIFT default and DELF from a SavedModel. Implementations are safe to call from one thread at a
 * time; {@link #close()} frees native resources.
 */
public interface LocalFeatureExtractor extends AutoCloseable {
    /** Name and version recorded in every feature message, e.g. "rootsift-v1" or "delf:&lt;sha256&gt;". */
    String id();

    Features extract(BufferedImage image);

    @Override
    default void close() {
    }
}
