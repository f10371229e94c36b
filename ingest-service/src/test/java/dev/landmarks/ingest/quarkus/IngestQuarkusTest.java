package dev.landmarks.ingest.quarkus;

import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.ingest.SampleData;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.Result;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest shell on a real in-process broker: readiness UP, then three requests (a sample photo by file: URL, a
 * missing file, a record with neither key nor value) come out as one Image, one FAILED result and one dead letter,
 * and /q/metrics counts exactly those.
 */
@QuarkusTest
@WithTestResource(InProcessKafkaResource.class)
class IngestQuarkusTest {
    /** Bound on each wait; a slow machine waits longer, never passes wrongly. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String PHOTO = "train/sacre_coeur/1054b7e1d15a7ef7.jpg";
    private final HttpClient http = HttpClient.newHttpClient();

    @ConfigProperty(name = "landmarks.kafka.bootstrap-servers")
    String bootstrapServers;
    @TestHTTPResource("/q/health/ready")
    URI ready;
    @TestHTTPResource("/q/health/live")
    URI live;
    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void readyThenIngestsAPhotoAndCountsEveryOutcome() throws Exception {
        HttpResponse<String> readiness = awaitStatus(ready, 200);
        assertTrue(readiness.body().contains("ingest topics and loop"), readiness.body());
        assertEquals(200, get(live).statusCode());

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), bytes("photo-1"),
                    bytes(SampleData.photo(PHOTO).toUri().toString())));
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), bytes("missing-1"),
                    bytes(SampleData.photo("train/no-such-photo.jpg").toUri().toString())));
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), null, null));
        }

        List<ConsumerRecord<byte[], byte[]>> images = read(Topics.IMAGES.name(), 1);
        assertEquals(1, images.size());
        Image image = Image.parseFrom(images.get(0).value());
        assertEquals("photo-1", image.getImageId());
        assertTrue(image.getWidth() > 0 && image.getData().size() > 0, image.getWidth() + " px");
        List<ConsumerRecord<byte[], byte[]>> results = read(Topics.RESULTS.name(), 1);
        assertEquals(1, results.size());
        Result failed = Result.parseFrom(results.get(0).value());
        assertEquals("missing-1", failed.getImageId());
        assertEquals(Result.Status.FAILED, failed.getStatus());
        assertEquals(FailureReason.FILE_NOT_FOUND, failed.getFailureReason());
        List<ConsumerRecord<byte[], byte[]>> dead = read(Topics.DEAD_LETTERS.name(), 1);
        assertEquals(1, dead.size());
        assertEquals("ingest", new String(dead.get(0).headers().lastHeader(DeadLetters.HEADER_STAGE).value(),
                StandardCharsets.UTF_8));

        String exposed = awaitMetrics(text -> value(text, "landmarks_batch_records_in_total",
                Map.of("topic", Topics.REQUESTS.name())).orElse(0) == 3);
        assertEquals(1.0, value(exposed, "landmarks_batch_records_out_total", Map.of("topic", Topics.IMAGES.name())).orElseThrow());
        assertEquals(1.0, value(exposed, "landmarks_batch_records_out_total", Map.of("topic", Topics.RESULTS.name())).orElseThrow());
        assertEquals(1.0, value(exposed, "landmarks_batch_records_out_total", Map.of("topic", Topics.DEAD_LETTERS.name())).orElseThrow());
        assertEquals(1.0, value(exposed, "landmarks_batch_failures_total", Map.of("reason", "FILE_NOT_FOUND")).orElseThrow());
        assertEquals(1.0, value(exposed, "landmarks_batch_dead_letters_total", Map.of()).orElseThrow());
        assertEquals(3.0, value(exposed, "landmarks_batch_size_records_sum", Map.of()).orElseThrow());
        double batches = value(exposed, "landmarks_batch_handling_seconds_count", Map.of()).orElseThrow();
        assertTrue(batches >= 1 && batches <= 3, "batches: " + batches);
        assertTrue(value(exposed, "landmarks_batch_handling_seconds_bucket", Map.of("le", "+Inf")).isPresent());
        assertTrue(value(exposed, "landmarks_batch_consumer_lag_records", Map.of()).isPresent(), "lag gauge");
        assertFalse(value(exposed, "landmarks_batch_failures_total", Map.of("reason", "NOT_AN_IMAGE")).isPresent());
    }

    private static OptionalDouble value(String text, String name, Map<String, String> labels) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put("service", IngestShell.SERVICE);
        return PrometheusText.value(text, name, all);
    }

    private String awaitMetrics(Predicate<String> done) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String text = "";
        while (System.nanoTime() < end) {
            text = get(metrics).body();
            if (done.test(text)) {
                return text;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("metrics never reached the expected values:\n" + text);
    }

    private HttpResponse<String> awaitStatus(URI uri, int status) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            last = get(uri);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " never answered " + status + ", last: " + (last == null ? null : last.body()));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Committed records of a topic: waits for {@code expected}, then one more second to catch extras. */
    private List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                if (found.size() >= expected) {
                    end = Math.min(end, System.nanoTime() + Duration.ofSeconds(1).toNanos());
                }
            }
        }
        return found;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
