package dev.landmarks.cli.index;

import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.common.kafka.CompactedTopicReader;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.ReferenceFeatures;

import java.time.Duration;
import java.util.Map;

/**
 * The reference index as it stands on landmark.references (Kafka is its source of truth): how `index` learns what
 * is already there and how the one-JVM run builds its retrieval index.
 */
public final class ReferenceIndexReader {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ReferenceIndexReader() {
    }

    /** Key "landmark/image id" -> reference, sorted by key. */
    public static Map<String, ReferenceFeatures> read(KafkaConnection kafka) {
        return CompactedTopicReader.read(kafka.bootstrapServers(), Topics.REFERENCES, TIMEOUT);
    }
}
