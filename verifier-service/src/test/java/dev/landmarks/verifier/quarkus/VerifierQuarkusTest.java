package dev.landmarks.verifier.quarkus;

import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.ProtoSerdes;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Candidate;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.verifier.streams.LandmarkPartitioner;
import dev.landmarks.verifier.streams.LandmarkPartitioning;
import dev.landmarks.verifier.verify.TestPhotos;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier's Quarkus shell on a real in-process broker: readiness turns UP once Streams runs, a query with a right
 * and a wrong candidate is recognised end to end, and the Streams metrics are exposed for Prometheus.
 */
@QuarkusTest
@WithTestResource(InProcessKafkaResource.class)
class VerifierQuarkusTest {
    private static final String LANDMARK = "graffiti";
    /** Bound on each wait; a slow machine waits longer, never passes wrongly. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrapServers;
    @TestHTTPResource("/q/health/ready")
    URI ready;
    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void readyThenRecognisesAQueryAndExposesMetrics() throws Exception {
        HttpResponse<String> readiness = awaitStatus(ready, 200);
        assertTrue(readiness.body().contains("\"UP\""), readiness.body());

        publish(Topics.REFERENCES.name(), LandmarkPartitioning.referenceKey(LANDMARK, "graf1"),
                ReferenceFeatures.newBuilder().setLandmarkId(LANDMARK).setImageId("graf1")
                        .setFeatures(FeaturesCodec.toProto(TestPhotos.graf("graf1.png"), DescriptorEncoding.FLOAT32)
                                .setImageId("graf1"))
                        .build().toByteArray());
        publish(Topics.FEATURES.name(), "query", FeaturesCodec.toProto(TestPhotos.graf("graf3.png"),
                DescriptorEncoding.FLOAT32).setImageId("query").build().toByteArray());
        publish(Topics.PREDICTIONS.name(), "query", Candidates.newBuilder().setImageId("query")
                .addCandidates(Candidate.newBuilder().setLandmarkId("elsewhere").setScore(0.6f))
                .addCandidates(Candidate.newBuilder().setLandmarkId(LANDMARK).setScore(0.3f))
                .build().toByteArray());

        List<Result> results = readResults("query");
        assertEquals(1, results.size(), results.toString());
        assertEquals(Result.Status.RECOGNIZED, results.get(0).getStatus(), results.get(0).toString());
        assertEquals(LANDMARK, results.get(0).getLandmarkId());

        String exposed = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(exposed.contains("kafka_stream_"), "Kafka Streams metrics on /q/metrics");
        // the verifier's own meters: one decision (RECOGNIZED), two verifications (one per candidate with references
        // or without: the topology answers a landmark without references itself, so at least the graffiti one)
        assertEquals(1.0, sample(exposed, "landmarks_verifier_decisions_total{status=\"RECOGNIZED\"}"), exposed);
        assertEquals(-1.0, sample(exposed, "landmarks_verifier_decisions_total{status=\"NO_LANDMARK\"}"));
        double verifications = sample(exposed, "landmarks_verifier_verification_seconds_count");
        assertTrue(verifications >= 1 && verifications <= 2, "verifications: " + verifications);
        assertTrue(sample(exposed, "landmarks_verifier_references_checked_references_sum") >= 1);
    }

    /** The value of the series whose line starts with {@code series} (name and labels as printed), or -1 if none. */
    private static double sample(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return -1;
    }

    private HttpResponse<String> awaitStatus(URI uri, int status) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            last = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " never answered " + status + ", last: " + (last == null ? null : last.body()));
    }

    private void publish(String topic, String key, byte[] value) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (topic.equals(Topics.REFERENCES.name())) {
            config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, LandmarkPartitioner.class.getName());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    /** Committed results for {@code key}: waits for the first, then one more second to catch a duplicate. */
    private List<Result> readResults(String key) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Result> found = new ArrayList<>();
        try (KafkaConsumer<String, Result> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                ProtoSerdes.RESULTS.deserializer())) {
            consumer.subscribe(List.of(Topics.RESULTS.name()));
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, Result> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                }
                if (!found.isEmpty()) {
                    end = Math.min(end, System.nanoTime() + Duration.ofSeconds(1).toNanos());
                }
            }
        }
        return found;
    }
}
