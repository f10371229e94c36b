package dev.landmarks.ingest;

import dev.landmarks.proto.ImageRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestReaderTest {
    static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
        return new ConsumerRecord<>("landmark.requests", 0, 7L, key, value);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsKeyAsIdAndValueAsUrl() throws Exception {
        ImageRequest r = RequestReader.read(record(utf8("abc"), utf8(" http://example.com/a.jpg\n")));
        assertEquals("abc", r.getImageId());
        assertEquals("http://example.com/a.jpg", r.getUrl());
    }

    @Test
    void derivesAStableIdWhenTheKeyIsNullOrEmpty() throws Exception {
        assertEquals("4fd63207a70baba7", RequestReader.read(record(null, utf8("http://example.com/a.jpg"))).getImageId());
        assertEquals("4fd63207a70baba7", RequestReader.read(record(utf8(""), utf8("http://example.com/a.jpg"))).getImageId());
    }

    @Test
    void keepsAnIdWithoutUrlSoItCanFailVisibly() throws Exception {
        ImageRequest r = RequestReader.read(record(utf8("abc"), null));
        assertEquals("abc", r.getImageId());
        assertEquals("", r.getUrl());
    }

    @Test
    void refusesRecordsThatCannotBeRead() {
        assertThrows(RequestReader.UnreadableRecordException.class, () -> RequestReader.read(record(null, null)));
        assertThrows(RequestReader.UnreadableRecordException.class,
                () -> RequestReader.read(record(utf8(""), utf8("  "))));
        var badValue = assertThrows(RequestReader.UnreadableRecordException.class,
                () -> RequestReader.read(record(utf8("k"), new byte[] {(byte) 0xC3, 0x28})));
        assertEquals("the record's value is not valid UTF-8 text (2 bytes)", badValue.getMessage());
        assertThrows(RequestReader.UnreadableRecordException.class,
                () -> RequestReader.read(record(new byte[] {(byte) 0xFF}, utf8("http://example.com/a.jpg"))));
    }
}
