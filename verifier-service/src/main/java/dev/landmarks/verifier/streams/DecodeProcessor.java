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
import java.util.Arrays;
import java.util.Optional;

/**
 * Parses raw record values into protobuf messages inside the topology (rather than in a deserializer) so that an
 * unreadable record can be forwarded to the dead-letter topic within the same transaction as everything else.
 * Unreadable values (and null values, which these topics never carry for a live query) come out with the
 * {@link DeadLetters} headers: error, exception class, source topic/partition/offset and stage; a value longer than
 * the configured limit is cut to it, with its original length in {@link #HEADER_ORIGINAL_BYTES}.
 */
final class DecodeProcessor<V> extends ContextualProcessor<String, byte[], String, Decoded<V>> {
    static final String STAGE = "verifier";
    /** Set when the dead letter's value was cut: the original value's length in bytes. */
    static final String HEADER_ORIGINAL_BYTES = "dlq.original-bytes";
    private static final Logger LOG = LoggerFactory.getLogger(DecodeProcessor.class);

    private final Parser<V> parser;
    private final int deadLetterMaxBytes;

    DecodeProcessor(Parser<V> parser, int deadLetterMaxBytes) {
        this.parser = parser;
        this.deadLetterMaxBytes = deadLetterMaxBytes;
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
        Headers headers = deadLetterHeaders(record, source, error);
        byte[] kept = raw;
        if (raw != null && raw.length > deadLetterMaxBytes) {
            kept = Arrays.copyOf(raw, deadLetterMaxBytes);
            headers.add(HEADER_ORIGINAL_BYTES, bytes(Integer.toString(raw.length)));
        }
        context().forward(record.withValue(new Decoded<V>(null, kept)).withHeaders(headers));
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
