package dev.landmarks.sink;

import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.Optional;

/**
 * A record of landmark.results read as the sink reads it: the Result and the id it is about (its image_id, else the
 * record key, for results whose image_id was left empty). A record whose value is no Result, or that names no id,
 * is not readable: the collector and the follower count and skip it.
 *
 * @param id     the request id the result answers
 * @param result the result
 */
public record ResultRecord(String id, Result result) {
    private static final Deserializer<String> KEYS = Topics.RESULTS.keySerde().deserializer();
    private static final Deserializer<Result> VALUES = Topics.RESULTS.valueSerde().deserializer();

    /** The record as a result with its id; empty when it is no readable Result. */
    public static Optional<ResultRecord> read(ConsumerRecord<byte[], byte[]> record) {
        try {
            Result r = VALUES.deserialize(record.topic(), record.value());
            if (r == null) {
                return Optional.empty();
            }
            String id = r.getImageId().isEmpty() ? KEYS.deserialize(record.topic(), record.key()) : r.getImageId();
            return id == null || id.isEmpty() ? Optional.empty() : Optional.of(new ResultRecord(id, r));
        } catch (SerializationException e) {
            return Optional.empty();
        }
    }
}
