package dev.landmarks.verifier.streams;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import dev.landmarks.common.kafka.DeadLetters;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parses raw record values into protobuf messages inside the topology (rather than in a deserializer) so that an
 * unreadable record can be forwarded to the dead-letter topic within the same transaction as everything else.
 * Unreadable values (and null values, which these topics never carry for a live query) come out with the
 * {@link DeadLetters} headers: error, exception class, source topic/partition/offset and stage.
 */
final class DecodeProcessor<V> extends ContextualProcessor<String, byte[], String, Decoded<V>> {
    static final String STAGE = "verifier";
    private static final Logger LOG = LoggerFactory.getLogger(DecodeProcessor.class);

    private final Parser<V> parser;

    DecodeProcessor(Parser<V> parser) {
        this.parser = parser;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        byte[] raw = record.value();
        Exception error;
        if (raw == null) {
            error = new InvalidProtocolBufferException("null value");
        } else {
            try {
                context().forward(record.withValue(new Decoded<>(parser.parseFrom(raw), raw)));
                return;
            } catch (InvalidProtocolBufferException e) {
                error = e;
            }
        }
        Optional<RecordMetadata> source = context().recordMetadata();
        LOG.warn("unreadable record {} (key {}) goes to the dead-letter topic: {}",
                source.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"), record.key(),
                error.getMessage());
        context().forward(record.withValue(new Decoded<V>(null, raw)).withHeaders(deadLetterHeaders(record, source, error)));
    }

    private static Headers deadLetterHeaders(Record<String, byte[]> record, Optional<RecordMetadata> source,
                                             Exception error) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetters.HEADER_ERROR, bytes(String.valueOf(error.getMessage())));
        headers.add(DeadLetters.HEADER_EXCEPTION, bytes(error.getClass().getName()));
        source.ifPresent(m -> {
            headers.add(DeadLetters.HEADER_TOPIC, bytes(m.topic()));
            headers.add(DeadLetters.HEADER_PARTITION, bytes(Integer.toString(m.partition())));
            headers.add(DeadLetters.HEADER_OFFSET, bytes(Long.toString(m.offset())));
        });
        headers.add(DeadLetters.HEADER_STAGE, bytes(STAGE));
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
