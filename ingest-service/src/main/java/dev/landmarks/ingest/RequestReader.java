package dev.landmarks.ingest;

import dev.landmarks.proto.ImageRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a raw landmark.requests record: key = image id (UTF-8, may be null or empty: then the id is derived from
 * the URL by {@link StableIds}), value = the URL as UTF-8 text. A record whose key or value is not valid UTF-8, or
 * that has neither an id nor a URL, is unreadable: it goes to the dead-letter topic. A record with an id but no URL
 * is readable (it becomes a FAILED result for that id, BAD_URL "empty URL").
 */
final class RequestReader {
    private RequestReader() {
    }

    /** A record that cannot become a request. */
    static final class UnreadableRecordException extends Exception {
        UnreadableRecordException(String message) {
            super(message);
        }
    }

    static ImageRequest read(ConsumerRecord<byte[], byte[]> record) throws UnreadableRecordException {
        String key = record.key() == null ? "" : strictUtf8(record.key(), "key").trim();
        String url = record.value() == null ? "" : strictUtf8(record.value(), "value").trim();
        if (key.isEmpty() && url.isEmpty()) {
            throw new UnreadableRecordException("record has neither an image id (key) nor a URL (value)");
        }
        return ImageRequest.newBuilder()
                .setImageId(key.isEmpty() ? StableIds.fromUrl(url) : key)
                .setUrl(url)
                .setRequestedAtMs(Math.max(0, record.timestamp()))
                .build();
    }

    private static String strictUtf8(byte[] bytes, String part) throws UnreadableRecordException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableRecordException("the record's " + part + " is not valid UTF-8 text ("
                    + bytes.length + " bytes)");
        }
    }
}
