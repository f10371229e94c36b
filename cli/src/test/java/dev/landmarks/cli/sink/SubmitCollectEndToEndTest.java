package dev.landmarks.cli.sink;

import dev.landmarks.cli.ExitCodes;
import dev.landmarks.cli.Main;
import dev.landmarks.cli.csv.ImageListCsv;
import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.cli.submit.RequestPublisher;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * submit and collect against a real in-process broker: the requests submit writes, and a submission collected from
 * results published here in transactions (one aborted, one with duplicates), scored against the sample's solution.
 */
@Timeout(120)
class SubmitCollectEndToEndTest {
    private static final Path SAMPLE = Path.of("..", "sample");
    /** Bound on how long a test reads a topic; a slow machine makes it wait longer, never pass wrongly. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private static InProcessKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = InProcessKafka.start();
        // producers block on a topic that does not exist (the broker does not auto-create): create them all first
        kafka.createTopics(Topics.ALL);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    record Run(int code, String out, String err) {
    }

    private static Run landmarks(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Settings.of(Map.of()), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void submitPublishesOneRequestPerRowWithAbsoluteFileUrls() throws IOException {
        Run r = landmarks("submit", SAMPLE.resolve("test.csv").toString(), "--bootstrap-servers", kafka.bootstrapServers());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("published 27 of 27 requests"), r.out());
        assertEquals("", r.err());

        List<ImageRow> rows = ImageListCsv.read(SAMPLE.resolve("test.csv"));
        Map<String, String> published = new LinkedHashMap<>();
        readAll(Topics.REQUESTS.name(), rows.size(), (rec, headers) -> published.put(rec.key(), rec.value()));
        assertEquals(rows.size(), published.size());
        for (ImageRow row : rows) {
            String expected = SAMPLE.resolve(row.url()).toAbsolutePath().normalize().toUri().toString();
            assertEquals(expected, published.get(row.id()), row.id());
            assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(published.get(row.id())))), expected);
        }
    }

    @Test
    void submitOfATrainCsvCarriesTheLandmarkInAHeader() throws IOException {
        String topic = "train.requests";
        Run r = landmarks("submit", SAMPLE.resolve("train.csv").toString(), "--bootstrap-servers",
                kafka.bootstrapServers(), "--topic", topic);
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("(9 references with a landmark_id, 9 local files)"), r.out());

        Map<String, String> landmarks = new LinkedHashMap<>();
        readAll(topic, 9, (rec, header) -> landmarks.put(rec.key(), header));
        for (ImageRow row : ImageListCsv.read(SAMPLE.resolve("train.csv"))) {
            assertEquals(row.landmarkId(), landmarks.get(row.id()));
        }
    }

    @Test
    void collectWritesOneRowPerExpectedIdFromCommittedResultsOnly() throws Exception {
        Map<String, String> solution = solution();
        List<String> ids = new ArrayList<>(solution.keySet());
        try (KafkaProducer<String, Result> producer = transactionalProducer("results-writer")) {
            // aborted: confident wrong answers that read_committed must never show
            producer.beginTransaction();
            for (String id : ids) {
                producer.send(result(Result.newBuilder().setImageId(id).setStatus(Result.Status.RECOGNIZED)
                        .setLandmarkId("wrong").setScore(100f).build()));
            }
            producer.flush();
            producer.abortTransaction();
            // committed: the right answer for every query
            producer.beginTransaction();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Result.Builder b = Result.newBuilder().setImageId(id);
                if (solution.get(id).isEmpty()) {
                    b.setStatus(Result.Status.NO_LANDMARK);
                } else {
                    b.setStatus(Result.Status.RECOGNIZED).setLandmarkId(solution.get(id)).setScore(0.5f + i / 100f);
                }
                producer.send(result(b.build()));
            }
            producer.commitTransaction();
            // committed later: a second, wrong result for three ids, which must not replace the first
            producer.beginTransaction();
            for (String id : ids.subList(0, 3)) {
                producer.send(result(Result.newBuilder().setImageId(id).setStatus(Result.Status.RECOGNIZED)
                        .setLandmarkId("late").setScore(50f).build()));
            }
            producer.commitTransaction();
        }
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.RESULTS.name(), "junk".getBytes(StandardCharsets.UTF_8),
                    new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff})).get();
        }

        Path out = dir.resolve("submission.csv");
        Run r = landmarks("collect", "--out", out.toString(), "--expect", SAMPLE.resolve("test.csv").toString(),
                "--bootstrap-servers", kafka.bootstrapServers());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("27 results: 9 RECOGNIZED, 18 NO_LANDMARK, 0 FAILED; 3 duplicates ignored"), r.out());
        assertTrue(r.err().contains("1 records on landmark.results were not readable results"), r.err());

        List<String> lines = Files.readAllLines(out);
        assertEquals("id,landmarks", lines.get(0));
        assertEquals(ImageListCsv.readIds(SAMPLE.resolve("test.csv")),
                lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList());

        Run evaluated = landmarks("evaluate", out.toString(), SAMPLE.resolve("solution.csv").toString());
        assertEquals("GAP 1.000000", evaluated.out().lines().findFirst().orElseThrow(), evaluated.err());
    }

    @Test
    void collectReportsMissingIdsAtTheTimeout() throws IOException {
        Path expect = dir.resolve("expect.csv");
        Files.writeString(expect, "id,url\nnever-answered,x.jpg\n");
        Path out = dir.resolve("partial.csv");
        Run r = landmarks("collect", "--out", out.toString(), "--expect", expect.toString(), "--timeout", "2s",
                "--bootstrap-servers", kafka.bootstrapServers());
        assertEquals(ExitCodes.INCOMPLETE, r.code(), r.err());
        assertTrue(r.err().contains("1 of 1 expected ids have no result (written with an empty value): never-answered"),
                r.err());
        assertEquals(List.of("id,landmarks", "never-answered,"), Files.readAllLines(out));
    }

    @Test
    void collectWithoutAnExpectedListReadsToTheEndAndSortsById() throws Exception {
        String topic = "sorted.results";
        // collect creates a missing topic: on an empty one it writes a header-only submission at once
        Path empty = dir.resolve("empty.csv");
        Run first = landmarks("collect", "--out", empty.toString(), "--topic", topic,
                "--bootstrap-servers", kafka.bootstrapServers());
        assertEquals(ExitCodes.OK, first.code(), first.err());
        assertEquals(List.of("id,landmarks"), Files.readAllLines(empty));
        try (KafkaProducer<String, Result> producer = transactionalProducer("sorted-writer")) {
            producer.beginTransaction();
            for (String id : List.of("m", "b", "x", "a", "b")) {
                producer.send(new ProducerRecord<>(topic, id, Result.newBuilder().setImageId(id)
                        .setStatus(Result.Status.FAILED).build()));
            }
            producer.commitTransaction();
        }
        Path out = dir.resolve("sorted.csv");
        Run r = landmarks("collect", "--out", out.toString(), "--topic", topic,
                "--bootstrap-servers", kafka.bootstrapServers());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(List.of("id,landmarks", "a,", "b,", "m,", "x,"), Files.readAllLines(out));
        assertTrue(r.out().contains("4 results: 0 RECOGNIZED, 0 NO_LANDMARK, 4 FAILED (FAILURE_REASON_UNSPECIFIED 4); "
                + "1 duplicate ignored"), r.out());
    }

    private static ProducerRecord<String, Result> result(Result r) {
        return new ProducerRecord<>(Topics.RESULTS.name(), r.getImageId(), r);
    }

    private static KafkaProducer<String, Result> transactionalProducer(String transactionalId) {
        KafkaProducer<String, Result> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
                Topics.RESULTS.keySerde().serializer(), Topics.RESULTS.valueSerde().serializer());
        producer.initTransactions();
        return producer;
    }

    private static Map<String, String> solution() throws IOException {
        Map<String, String> s = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(SAMPLE.resolve("solution.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            s.put(f[0], f[1]);
        }
        return s;
    }

    /** Reads a topic from the start until {@code count} records arrived, handing each with its landmark header. */
    private static void readAll(String topic, int count, BiConsumer<ConsumerRecord<String, String>, String> each) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            int seen = 0;
            while (seen < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                    Header h = rec.headers().lastHeader(RequestPublisher.LANDMARK_HEADER);
                    each.accept(rec, h == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    seen++;
                }
            }
            assertEquals(count, seen, "records on " + topic);
        }
    }
}
