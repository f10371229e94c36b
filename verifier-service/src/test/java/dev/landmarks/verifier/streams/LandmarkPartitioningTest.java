package dev.landmarks.verifier.streams;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LandmarkPartitioningTest {
    private static final String TOPIC = "landmark.references";

    @Test
    void referenceKeysSplitAtTheFirstSeparator() {
        assertEquals("12345/abc", LandmarkPartitioning.referenceKey("12345", "abc"));
        assertEquals("12345", LandmarkPartitioning.landmarkOf("12345/abc"));
        assertEquals("12345", LandmarkPartitioning.landmarkOf("12345/a/b"));
        assertEquals("nokey", LandmarkPartitioning.landmarkOf("nokey"));
        assertEquals("1/", LandmarkPartitioning.keyPrefix("1"));
        assertThrows(IllegalArgumentException.class, () -> LandmarkPartitioning.referenceKey("a/b", "c"));
        assertThrows(IllegalArgumentException.class, () -> LandmarkPartitioning.referenceKey("", "c"));
    }

    @Test
    void producerPartitionerPlacesReferencesWhereKafkaPlacesTheLandmarkKey() {
        int partitions = 6;
        Cluster cluster = cluster(partitions);
        LandmarkPartitioner partitioner = new LandmarkPartitioner();
        StringSerializer strings = new StringSerializer();
        Set<Integer> used = new HashSet<>();
        for (int landmark = 0; landmark < 200; landmark++) {
            String landmarkId = Integer.toString(landmark * 7919);
            String key = LandmarkPartitioning.referenceKey(landmarkId, "img" + landmark);
            int placed = partitioner.partition(TOPIC, key, key.getBytes(StandardCharsets.UTF_8), null, null, cluster);
            // Kafka's default placement of a record keyed by the bare landmark id (the verify tasks' key).
            int kafkaDefault = BuiltInPartitioner.partitionForKey(strings.serialize(TOPIC, landmarkId), partitions);
            assertEquals(kafkaDefault, placed, "landmark " + landmarkId);
            assertEquals(placed, LandmarkPartitioning.partition(landmarkId, partitions));
            // Every photo of a landmark goes to the same partition.
            String other = LandmarkPartitioning.referenceKey(landmarkId, "other");
            assertEquals(placed, partitioner.partition(TOPIC, other, other.getBytes(StandardCharsets.UTF_8), null,
                    null, cluster));
            used.add(placed);
        }
        assertEquals(partitions, used.size(), "200 landmarks use every partition");
    }

    @Test
    void partitionerWorksFromKeyBytesAlone() {
        Cluster cluster = cluster(4);
        byte[] key = "777/x".getBytes(StandardCharsets.UTF_8);
        assertEquals(LandmarkPartitioning.partition("777", 4),
                new LandmarkPartitioner().partition(TOPIC, null, key, null, null, cluster));
        assertThrows(IllegalArgumentException.class,
                () -> new LandmarkPartitioner().partition(TOPIC, null, null, null, null, cluster));
    }

    private static Cluster cluster(int partitions) {
        Node node = new Node(1, "localhost", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            infos.add(new PartitionInfo(TOPIC, p, node, new Node[]{node}, new Node[]{node}));
        }
        return new Cluster("c", List.of(node), infos, Set.of(), Set.of());
    }
}
