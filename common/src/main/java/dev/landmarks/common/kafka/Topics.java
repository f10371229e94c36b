package dev.landmarks.common.kafka;

import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.proto.Result;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * The catalog of every topic the pipeline uses, with serdes, partitions and compaction: services, the command line
 * and tests all read names from here. Keys are image ids except on {@link #REFERENCES} ("landmark/image id").
 */
public final class Topics {
    /** Default partitions: the largest scale-out documented (docker compose --scale ...=6). */
    public static final int DEFAULT_PARTITIONS = 6;

    /** What users push: key = image id (may be null), value = the URL as plain text. */
    public static final Topic<String, String> REQUESTS =
            new Topic<>("landmark.requests", Serdes.String(), Serdes.String(), DEFAULT_PARTITIONS, false);
    /** Fetched, validated, resized images. */
    public static final Topic<String, Image> IMAGES =
            new Topic<>("landmark.images", Serdes.String(), ProtoSerdes.IMAGE, DEFAULT_PARTITIONS, false);
    /** Local features of query images. */
    public static final Topic<String, LocalFeatures> FEATURES =
            new Topic<>("landmark.features", Serdes.String(), ProtoSerdes.FEATURES, DEFAULT_PARTITIONS, false);
    /** Candidate landmarks per query image. */
    public static final Topic<String, Candidates> PREDICTIONS =
            new Topic<>("landmark.predictions", Serdes.String(), ProtoSerdes.CANDIDATES, DEFAULT_PARTITIONS, false);
    /** The reference index: key "landmark/image id", partitioned by landmark id, compacted. */
    public static final Topic<String, ReferenceFeatures> REFERENCES =
            new Topic<>("landmark.references", Serdes.String(), ProtoSerdes.REFERENCES, DEFAULT_PARTITIONS, true);
    /** Exactly one result per request. */
    public static final Topic<String, Result> RESULTS =
            new Topic<>("landmark.results", Serdes.String(), ProtoSerdes.RESULTS, DEFAULT_PARTITIONS, false);
    /** Records that could not be read, raw, with the error in headers. */
    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            new Topic<>("landmark.dlq", Serdes.ByteArray(), Serdes.ByteArray(), 1, false);

    public static final List<Topic<?, ?>> ALL =
            List.of(REQUESTS, IMAGES, FEATURES, PREDICTIONS, REFERENCES, RESULTS, DEAD_LETTERS);

    private Topics() {
    }
}
