package dev.landmarks.cli.explain;

import dev.landmarks.common.features.Features;

import java.awt.image.BufferedImage;

/**
 * One photo as the pipeline saw it: the ingested (resized) pixels and the local features extracted from them, after
 * the same descriptor packing the topics apply.
 */
public record Photo(String id, BufferedImage image, Features features) {
}
