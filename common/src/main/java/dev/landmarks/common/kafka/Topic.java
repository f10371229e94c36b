package dev.landmarks.common.kafka;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values and how it is created.
 *
 * @param partitions default partition count; enough for the largest documented scale-out
 * @param compacted  true for topics that hold the latest value per key (the reference index)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {
    public Topic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
    }
}
