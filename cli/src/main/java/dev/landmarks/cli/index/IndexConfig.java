package dev.landmarks.cli.index;

import dev.landmarks.common.config.Settings;
import dev.landmarks.proto.DescriptorEncoding;

/**
 * How the reference index is built.
 *
 * @param perLandmark     references kept per landmark (setting {@code index.per-landmark}, default 20: the 2018
 *                        pipeline verified against up to 20 photos of each candidate)
 * @param encoding        how reference descriptors are packed (setting {@code index.encoding}, default INT8, whose
 *                        matching loss is measured in docs/features.md)
 * @param threads         photos fetched and extracted at once (setting {@code index.threads}, default: the cores)
 * @param maxRecordBytes  largest reference record; weaker keypoints are dropped to fit (setting
 *                        {@code index.max-record-bytes}, default 1000000, under Kafka's default message limit)
 */
public record IndexConfig(int perLandmark, DescriptorEncoding encoding, int threads, int maxRecordBytes) {
    public static final int DEFAULT_PER_LANDMARK = 20;
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;

    public IndexConfig {
        if (perLandmark < 1) {
            throw new IllegalArgumentException("index.per-landmark must be >= 1, was " + perLandmark);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("index.threads must be >= 1, was " + threads);
        }
        if (encoding == DescriptorEncoding.DESCRIPTOR_ENCODING_UNSPECIFIED || encoding == DescriptorEncoding.UNRECOGNIZED) {
            throw new IllegalArgumentException("index.encoding must be FLOAT32, FLOAT16 or INT8");
        }
        if (maxRecordBytes < 10_000) {
            throw new IllegalArgumentException("index.max-record-bytes must be >= 10000, was " + maxRecordBytes);
        }
    }

    public static IndexConfig defaults() {
        return new IndexConfig(DEFAULT_PER_LANDMARK, DescriptorEncoding.INT8,
                Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_RECORD_BYTES);
    }

    public static IndexConfig from(Settings s) {
        IndexConfig d = defaults();
        return new IndexConfig(
                s.integer("index.per-landmark", d.perLandmark()),
                DescriptorEncoding.valueOf(s.string("index.encoding", d.encoding().name()).toUpperCase(java.util.Locale.ROOT)),
                s.integer("index.threads", d.threads()),
                s.integer("index.max-record-bytes", d.maxRecordBytes()));
    }
}
