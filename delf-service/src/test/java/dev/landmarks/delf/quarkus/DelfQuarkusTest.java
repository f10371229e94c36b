package dev.landmarks.delf.quarkus;

import com.google.protobuf.ByteString;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.delf.SampleData;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.LocalFeatures;
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
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delf shell on a real in-process broker with the RootSIFT extractor: readiness UP (extractor loaded), then a
 * sample photo becomes LocalFeatures, an Image whose bytes are no picture a FAILED result, and a record that is no
 * Image at all a dead letter; /q/metrics counts exactly those.
 */
@QuarkusTest
@WithTestResource(InProcessKafkaResource.class)
class DelfQuarkusTest {
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
    void readyThenExtractsFeaturesAndCountsEveryOutcome() throws Exception {
        HttpResponse<String> readiness = awaitStatus(ready, 200);
        assertTrue(readiness.body().contains("rootsift"), readiness.body());
        assertEquals(200, get(live).statusCode());

        Image photo = Image.newBuilder().setImageId("photo-1").setSourceUrl(PHOTO)
                .setData(ByteString.copyFrom(Files.readAllBytes(SampleData.path(PHOTO)))).build();
        Image junk = Image.newBuilder().setImageId("junk-1").setData(ByteString.copyFromUtf8("not a picture")).build();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("photo-1"), photo.toByteArray()));
            producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("junk-1"), junk.toByteArray()));
            // a length-delimited field that claims 127 bytes and has none: no protobuf parser reads it
            producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("garbage-1"), new byte[] {0x0A, 0x7F}));
        }

        List<ConsumerRecord<byte[], byte[]>> features = read(Topics.FEATURES.name(), 1);
        assertEquals(1, features.size());
        LocalFeatures f = LocalFeatures.parseFrom(features.get(0).value());
        assertEquals("photo-1", f.getImageId());
        assertTrue(f.getXCount() > 100, f.getXCount() + " keypoints");
        assertTrue(f.getExtractor().startsWith("rootsift"), f.getExtractor());
        List<ConsumerRecord<byte[], byte[]>> results = read(Topics.RESULTS.name(), 1);
        assertEquals(1, results.size());
        Result failed = Result.parseFrom(results.get(0).value());
        assertEquals("junk-1", failed.getImageId());
        assertEquals(FailureReason.PROCESSING_ERROR, failed.getFailureReason());
        List<ConsumerRecord<byte[], byte[]>> dead = read(Topics.DEAD_LETTERS.name(), 1);
        assertEquals(1, dead.size());
        assertEquals("garbage-1", new String(dead.get(0).key(), StandardCharsets.UTF_8));
        assertTrue(dead.get(0).headers().lastHeader(DeadLetters.HEADER_ERROR) != null);

        String exposed = awaitMetrics(text -> value(text, "landmarks_batch_records_in_total",
                Map.of("topic", Topics.IMAGES.name())).orElse(0) == 3);
        assertEquals(1.0, value(exposed, "landmarks_batch_records_out_total", Map.of("topic", Topics.FEATURES.name())).orElseThrow());
        assertEquals(1.0, value(exposed, "landmarks_batch_records_out_total", Map.of("topic", Topics.RESULTS.name())).orElseThrow());
        assertEquals(1.0, value(exposed, "landmarks_batch_failures_total", Map.of("reason", "PROCESSING_ERROR")).orElseThrow());
        assertEquals(1.0, value(exposed, "landmarks_batch_dead_letters_total", Map.of()).orElseThrow());
        assertEquals(3.0, value(exposed, "landmarks_batch_size_records_sum", Map.of()).orElseThrow());
        double batches = value(exposed, "landmarks_batch_handling_seconds_count", Map.of()).orElseThrow();
        assertTrue(batches >= 1 && batches <= 3, "batches: " + batches);
        assertTrue(value(exposed, "landmarks_batch_consumer_lag_records", Map.of()).isPresent(), "lag gauge");
    }

    private static OptionalDouble value(String text, String name, Map<String, String> labels) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put("service", DelfShell.SERVICE);
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
