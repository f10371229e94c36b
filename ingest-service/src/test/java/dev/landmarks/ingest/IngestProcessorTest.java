package dev.landmarks.ingest;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.landmarks.ingest.RequestReaderTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch handler on in-memory records, in local mode over the repository's sample photos. */
class IngestProcessorTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static ImageIngestor ingestor;

    @BeforeAll
    static void start() {
        ingestor = new ImageIngestor(IngestConfig.from(Settings.of(Map.of(
                "fetch.local-root", SampleData.root().toString()))));
    }

    @AfterAll
    static void stop() {
        ingestor.close();
    }

    private static ConsumerRecord<byte[], byte[]> request(long offset, byte[] key, byte[] value) {
        return new ConsumerRecord<>(Topics.REQUESTS.name(), 0, offset, key, value);
    }

    @Test
    void turnsEveryRequestIntoExactlyOneRecordInInputOrder() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                request(0, utf8("aero"), utf8("train/opencv_aero/29da7f6bce9bf91e.jpg")),
                request(1, null, utf8("test/02619c77aa772471.jpg")),
                request(2, utf8("bad"), new byte[] {(byte) 0xC3, 0x28}),
                request(3, utf8("nourl"), utf8("")),
                request(4, utf8("missing"), utf8("train/none.jpg")),
                request(5, utf8("escape"), utf8("../pom.xml")),
                request(6, utf8("tall"), utf8("train/sacre_coeur/1054b7e1d15a7ef7.jpg")));
        List<ProducerRecord<byte[], byte[]>> out =
                new IngestProcessor(ingestor, Clock.fixed(NOW, ZoneOffset.UTC)).handle(batch);

        assertEquals(List.of("landmark.images", "landmark.images", "landmark.dlq", "landmark.results",
                "landmark.results", "landmark.results", "landmark.images"), out.stream().map(ProducerRecord::topic).toList());

        Image aero = image(out.get(0));
        assertEquals("aero", key(out.get(0)));
        assertEquals("aero", aero.getImageId());
        assertEquals(640, aero.getWidth());
        assertEquals(480, aero.getHeight());
        assertEquals(59918, aero.getOriginalBytes());
        assertEquals(List.of("fetch", "decode", "resize", "encode"),
                aero.getTimingsList().stream().map(t -> t.getStage()).toList());

        String derived = StableIds.fromUrl("test/02619c77aa772471.jpg");
        assertEquals(derived, key(out.get(1)));
        assertEquals(derived, image(out.get(1)).getImageId());

        ProducerRecord<byte[], byte[]> dead = out.get(2);
        assertEquals("bad", new String(dead.key(), StandardCharsets.UTF_8));
        assertTrue(header(dead, DeadLetters.HEADER_ERROR).contains("not valid UTF-8"));
        assertEquals("ingest", header(dead, DeadLetters.HEADER_STAGE));

        assertFailure(out.get(3), "nourl", FailureReason.BAD_URL);
        assertFailure(out.get(4), "missing", FailureReason.FILE_NOT_FOUND);
        assertFailure(out.get(5), "escape", FailureReason.REFUSED_ADDRESS);
        assertEquals(NOW.toEpochMilli(), result(out.get(3)).getCompletedAtMs());

        Image tall = image(out.get(6));
        assertEquals(751, tall.getWidth());
        assertEquals(1024, tall.getHeight());
        assertEquals(780, tall.getOriginalWidth());
        assertEquals(1063, tall.getOriginalHeight());
    }

    private static void assertFailure(ProducerRecord<byte[], byte[]> record, String id, FailureReason reason) {
        Result r = result(record);
        assertEquals(id, key(record));
        assertEquals(Result.Status.FAILED, r.getStatus());
        assertEquals(reason, r.getFailureReason(), r.getFailureDetail());
        assertTrue(!r.getFailureDetail().isBlank());
    }

    private static String key(ProducerRecord<byte[], byte[]> r) {
        return new String(r.key(), StandardCharsets.UTF_8);
    }

    private static Image image(ProducerRecord<byte[], byte[]> r) {
        return Topics.IMAGES.valueSerde().deserializer().deserialize(r.topic(), r.value());
    }

    private static Result result(ProducerRecord<byte[], byte[]> r) {
        return Topics.RESULTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
