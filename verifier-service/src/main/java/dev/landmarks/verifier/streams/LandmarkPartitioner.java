package dev.landmarks.verifier.streams;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Producer partitioner for {@code landmark.references}: places a record by the landmark part of its String key
 * ({@code "<landmark>/<image id>"}), so all references of a landmark share one partition and meet the verifier's
 * tasks for that landmark. Use it with {@code partitioner.class} on the index builder's producer; tombstones are
 * placed by their key like any other record.
 */
public final class LandmarkPartitioner implements Partitioner {
    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        if (keyBytes == null) {
            throw new IllegalArgumentException("records on " + topic + " need a \"<landmark>/<image id>\" key");
        }
        String referenceKey = key instanceof String s ? s : new String(keyBytes, StandardCharsets.UTF_8);
        int partitions = cluster.partitionCountForTopic(topic);
        return LandmarkPartitioning.partition(LandmarkPartitioning.landmarkOf(referenceKey), partitions);
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
