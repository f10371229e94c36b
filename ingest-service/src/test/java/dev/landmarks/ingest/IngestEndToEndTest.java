package dev.landmarks.ingest;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.image.ImageDecoder;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.LoopConfig;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.ingest.fetch.LocalHttpServer;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.ImageEncoding;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 2's end-to-end test: a list of good and bad image URLs, served by a real HTTP server inside the test from the
 * repository's sample photos, goes through landmark.requests, the real TransactionalBatchLoop with the
 * IngestProcessor, on a real (in-process) Kafka broker. One Image per good input, one FAILED Result with the right
 * reason per bad input, the unreadable record on the dead-letter topic, and nothing else.
 */
class IngestEndToEndTest {
    private static final int MAX_SIDE = 1024;
    private static InProcessKafka kafka;
    private static LocalHttpServer server;

    /** Good inputs: image id -> [sample path, original width, original height]. */
    private static final Map<String, Object[]> GOOD = new LinkedHashMap<>();

    static {
        GOOD.put("portrait-jpeg", new Object[] {"train/sacre_coeur/1054b7e1d15a7ef7.jpg", 780, 1063});
        GOOD.put("landscape-jpeg", new Object[] {"test/8323b89b7851550c.jpg", 1083, 698});
        GOOD.put("small-jpeg", new Object[] {"test/02619c77aa772471.jpg", 960, 640});
        GOOD.put("rgb-png", new Object[] {"train/opencv_graf/2b8de19480fdc436.png", 800, 640});
        GOOD.put("grey-png", new Object[] {"test/68b0643b3d26ad2c.png", 512, 384});
    }

    @BeforeAll
    static void start() throws Exception {
        kafka = InProcessKafka.start();
        kafka.createTopics(Topics.ALL);
        server = new LocalHttpServer();
        for (Object[] good : GOOD.values()) {
            String path = (String) good[0];
            server.route("/photos/" + path, LocalHttpServer.bytes(200, "image/jpeg",
                    Files.readAllBytes(SampleData.photo(path))));
        }
        byte[] jpeg = Files.readAllBytes(SampleData.photo("test/292abf78f14d9af4.jpg"));
        byte[] cmyk;
        try (InputStream in = IngestEndToEndTest.class.getResourceAsStream("/images/cmyk-red-blue.jpg")) {
            cmyk = in.readAllBytes();
        }
        server.route("/cmyk.jpg", LocalHttpServer.bytes(200, "image/jpeg", cmyk))
                .route("/missing.jpg", LocalHttpServer.bytes(404, "text/html", "<html>no</html>".getBytes()))
                .route("/page.jpg", LocalHttpServer.bytes(200, "text/html",
                        "<html><body>Sorry, this photo is no longer available</body></html>".getBytes()))
                .route("/truncated.jpg", LocalHttpServer.bytes(200, "image/jpeg",
                        Arrays.copyOf(jpeg, jpeg.length * 6 / 10)))
                .route("/huge.png", LocalHttpServer.bytes(200, "image/png", pngHeader(30000, 30000)))
                .route("/slow.jpg", LocalHttpServer.slow(3000, jpeg));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static IngestConfig config(boolean allowLoopback) {
        Map<String, String> s = new HashMap<>(Map.of(
                "fetch.read-timeout", "1s",
                "fetch.connect-timeout", "2s",
                "ingest.max-side", Integer.toString(MAX_SIDE)));
        if (allowLoopback) {
            s.put("fetch.allow-list", "127.0.0.1");
        }
        return IngestConfig.from(Settings.of(s));
    }

    @Test
    void everyRequestGivesOneImageOrOneFailedResultAndUnreadableRecordsGoToTheDeadLetterTopic() throws Exception {
        // The request list as a user would write it (Kaggle style id,url), {base} standing for the test server.
        StringBuilder csv = new StringBuilder("id,url\n");
        GOOD.forEach((id, good) -> csv.append(id).append(",{base}/photos/").append(good[0]).append('\n'));
        csv.append("""
                cmyk-jpeg,{base}/cmyk.jpg
                not-found,{base}/missing.jpg
                html-page,{base}/page.jpg
                truncated,{base}/truncated.jpg
                huge-header,{base}/huge.png
                slow,{base}/slow.jpg
                ftp,ftp://127.0.0.1/a.jpg
                """);
        Map<String, String> requests = new LinkedHashMap<>();
        csv.toString().lines().skip(1).map(line -> line.split(",", 2))
                .forEach(f -> requests.put(f[0], f[1].replace("{base}", server.url(""))));
        Map<String, FailureReason> expectedFailures = Map.of(
                "not-found", FailureReason.NOT_FOUND,
                "html-page", FailureReason.NOT_AN_IMAGE,
                "truncated", FailureReason.TRUNCATED,
                "huge-header", FailureReason.TOO_LARGE,
                "slow", FailureReason.TIMEOUT,
                "ftp", FailureReason.BAD_URL);
        String keyless = server.url("/photos/" + GOOD.get("small-jpeg")[0]) + "?no-key";
        server.route("/photos/" + GOOD.get("small-jpeg")[0], LocalHttpServer.bytes(200, "image/jpeg",
                Files.readAllBytes(SampleData.photo((String) GOOD.get("small-jpeg")[0]))));

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (var r : requests.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), utf8(r.getKey()), utf8(r.getValue())));
            }
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), null, utf8(keyless)));
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), utf8("unreadable"), new byte[] {(byte) 0xC3, 0x28}));
            producer.flush();
        }
        int total = requests.size() + 2;

        Map<String, Image> images = new HashMap<>();
        Map<String, Result> results = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        try (ImageIngestor ingestor = new ImageIngestor(config(true));
             TransactionalBatchLoop loop = new TransactionalBatchLoop(
                     LoopConfig.of(kafka.bootstrapServers(), "ingest-e2e-" + UUID.randomUUID(), Topics.REQUESTS.name()),
                     new IngestProcessor(ingestor));
             KafkaConsumer<byte[], byte[]> consumer = committedReader()) {
            loop.start();
            consumer.subscribe(List.of(Topics.IMAGES.name(), Topics.RESULTS.name(), Topics.DEAD_LETTERS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (images.size() + results.size() + deadLetters.size() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                    switch (r.topic()) {
                        case "landmark.images" -> images.put(key, Topics.IMAGES.valueSerde().deserializer()
                                .deserialize(r.topic(), r.value()));
                        case "landmark.results" -> results.put(key, Topics.RESULTS.valueSerde().deserializer()
                                .deserialize(r.topic(), r.value()));
                        default -> deadLetters.add(r);
                    }
                }
            }
            assertEquals(total, loop.consumed(), "every request consumed and committed");
            // Nothing beyond one output per request: the committed ends of the output topics hold exactly these.
            assertEquals(total, committedRecordCount(consumer));
        }

        String keylessId = StableIds.fromUrl(keyless);
        Set<String> expectedImages = new java.util.HashSet<>(GOOD.keySet());
        expectedImages.add("cmyk-jpeg");
        expectedImages.add(keylessId);
        assertEquals(expectedImages, images.keySet());
        assertEquals(expectedFailures.keySet(), results.keySet());
        assertEquals(1, deadLetters.size());

        for (var good : GOOD.entrySet()) {
            Image image = images.get(good.getKey());
            int ow = (int) good.getValue()[1];
            int oh = (int) good.getValue()[2];
            assertEquals(good.getKey(), image.getImageId());
            assertEquals(server.url("/photos/" + good.getValue()[0]), image.getSourceUrl());
            assertEquals(ow, image.getOriginalWidth());
            assertEquals(oh, image.getOriginalHeight());
            assertEquals(Files.size(SampleData.photo((String) good.getValue()[0])), image.getOriginalBytes());
            assertEquals(ImageEncoding.JPEG, image.getEncoding());
            assertEquals(Math.min(MAX_SIDE, Math.max(ow, oh)), Math.max(image.getWidth(), image.getHeight()),
                    good.getKey() + ": the longer side is fitted to " + MAX_SIDE);
            assertEquals((double) ow / oh, (double) image.getWidth() / image.getHeight(), 0.01, "aspect ratio");
            BufferedImage pixels = ImageDecoder.decode(image.getData().toByteArray(), 10_000_000);
            assertEquals(image.getWidth(), pixels.getWidth());
            assertEquals(image.getHeight(), pixels.getHeight());
            assertEquals(List.of("fetch", "decode", "resize", "encode"),
                    image.getTimingsList().stream().map(StageTiming::getStage).toList());
        }
        assertEquals(1024, images.get("portrait-jpeg").getHeight());
        assertEquals(751, images.get("portrait-jpeg").getWidth());
        assertEquals(keylessId, images.get(keylessId).getImageId());

        // The CMYK photo arrives as an RGB JPEG with the right colours: red left, blue right.
        BufferedImage cmyk = ImageDecoder.decode(images.get("cmyk-jpeg").getData().toByteArray(), 10_000);
        assertNear(new int[] {220, 30, 30}, rgb(cmyk, 8, 16));
        assertNear(new int[] {30, 60, 200}, rgb(cmyk, 56, 16));

        for (var expected : expectedFailures.entrySet()) {
            Result r = results.get(expected.getKey());
            assertEquals(Result.Status.FAILED, r.getStatus());
            assertEquals(expected.getValue(), r.getFailureReason(), expected.getKey() + ": " + r.getFailureDetail());
            assertEquals(requests.get(expected.getKey()), r.getSourceUrl());
            assertTrue(r.getCompletedAtMs() >= r.getRequestedAtMs() && r.getRequestedAtMs() > 0);
        }
        assertEquals("HTTP 404 Not Found from " + server.url("/missing.jpg"), results.get("not-found").getFailureDetail());
        assertEquals("not an image (content starts with '<html><body>Sorr')",
                results.get("html-page").getFailureDetail());
        assertEquals("image is 30000x30000 = 900 Mpx, limit is 64 Mpx", results.get("huge-header").getFailureDetail());
        assertEquals("timed out after 1 s reading " + server.url("/slow.jpg"), results.get("slow").getFailureDetail());
        assertTrue(results.get("truncated").getFailureDetail().startsWith("truncated JPEG"),
                results.get("truncated").getFailureDetail());

        ConsumerRecord<byte[], byte[]> dead = deadLetters.get(0);
        assertEquals("unreadable", new String(dead.key(), StandardCharsets.UTF_8));
        assertEquals("the record's value is not valid UTF-8 text (2 bytes)",
                new String(dead.headers().lastHeader(DeadLetters.HEADER_ERROR).value(), StandardCharsets.UTF_8));
        assertEquals(Topics.REQUESTS.name(),
                new String(dead.headers().lastHeader(DeadLetters.HEADER_TOPIC).value(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheAllowListTheSameLoopbackUrlIsRefused() {
        try (ImageIngestor ingestor = new ImageIngestor(config(false))) {
            String url = server.url("/photos/" + GOOD.get("small-jpeg")[0]);
            IngestOutcome.Failed failed = assertInstanceOf(IngestOutcome.Failed.class, ingestor.ingest("x", url));
            assertEquals(FailureReason.REFUSED_ADDRESS, failed.reason());
            assertEquals("address 127.0.0.1 is loopback and not allow-listed", failed.detail());
        }
        try (ImageIngestor ingestor = new ImageIngestor(config(true))) {
            String url = server.url("/photos/" + GOOD.get("small-jpeg")[0]);
            assertInstanceOf(IngestOutcome.Fetched.class, ingestor.ingest("x", url));
        }
    }

    /** Records visible to read_committed consumers on the three output topics. */
    private static long committedRecordCount(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.IMAGES.name(), Topics.RESULTS.name(), Topics.DEAD_LETTERS.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        // Transaction markers take one offset per partition and transaction, so count records, not offsets.
        try (KafkaConsumer<byte[], byte[]> counter = committedReader()) {
            counter.assign(partitions);
            counter.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = counter.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> counter.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                count += counter.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    private static KafkaConsumer<byte[], byte[]> committedReader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A PNG signature and an IHDR chunk claiming width x height, with no pixel data: a decompression-bomb header. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(ihdr.array());
        return ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(type).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int[] rgb(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF};
    }

    private static void assertNear(int[] expected, int[] actual) {
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 20,
                    "expected about " + Arrays.toString(expected) + ", got " + Arrays.toString(actual));
        }
    }
}
