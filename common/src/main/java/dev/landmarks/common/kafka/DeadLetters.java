package dev.landmarks.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

/**
 * Sends a record that cannot be read to {@link Topics#DEAD_LETTERS}, unchanged, with why and where it came from
 * in headers, so processing can go on and nothing disappears.
 */
public final class DeadLetters {
    public static final String HEADER_ERROR = "dlq.error";
    public static final String HEADER_EXCEPTION = "dlq.exception";
    public static final String HEADER_TOPIC = "dlq.topic";
    public static final String HEADER_PARTITION = "dlq.partition";
    public static final String HEADER_OFFSET = "dlq.offset";
    public static final String HEADER_STAGE = "dlq.stage";

    private DeadLetters() {
    }

    public static ProducerRecord<byte[], byte[]> record(ConsumerRecord<byte[], byte[]> source, String stage, Exception error) {
        RecordHeaders headers = new RecordHeaders(source.headers().toArray());
        headers.add(HEADER_ERROR, bytes(String.valueOf(error.getMessage())));
        headers.add(HEADER_EXCEPTION, bytes(error.getClass().getName()));
        headers.add(HEADER_TOPIC, bytes(source.topic()));
        headers.add(HEADER_PARTITION, bytes(Integer.toString(source.partition())));
        headers.add(HEADER_OFFSET, bytes(Long.toString(source.offset())));
        headers.add(HEADER_STAGE, bytes(stage));
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, source.key(), source.value(), headers);
    }

    public static Future<?> send(Producer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> source,
                                 String stage, Exception error) {
        return producer.send(record(source, stage, error));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
