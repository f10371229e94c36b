package dev.landmarks.verifier;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.InProcessKafka;
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
import dev.landmarks.verifier.verify.VerifyConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier as its container runs it: {@link VerifierMain#run} configured only through {@link Settings}, on a real
 * (in-process) broker, with real RootSIFT features of the graffiti pair. A query with a right and a wrong candidate is
 * recognised, a garbage record goes to the DLQ, a stop returns cleanly, and mismatched partitions stop it at once.
 */
class VerifierMainTest {
    private static final String LANDMARK = "graffiti";
    /** Long enough for a cold start on a loaded 2-core machine; the test ends as soon as the result is read. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static InProcessKafka kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void broker() {
        kafka = InProcessKafka.start();
        kafka.createTopics(Topics.ALL);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void recognisesAQueryFromTheEnvironmentsSettingsAndStopsCleanly() throws Exception {
        // The reference is on the topic before the verifier starts, so its store restores it before any query.
        publish(Topics.REFERENCES.name(), LandmarkPartitioning.referenceKey(LANDMARK, "graf1"),
                ReferenceFeatures.newBuilder().setLandmarkId(LANDMARK).setImageId("graf1")
                        .setFeatures(FeaturesCodec.toProto(TestPhotos.graf("graf1.png"), DescriptorEncoding.FLOAT32)
                                .setImageId("graf1"))
                        .build().toByteArray());
        Settings settings = Settings.of(Map.of(
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "verifier.application-id", "verifier-main-" + UUID.randomUUID(),
                "verifier.state-dir", stateDir.toString()));
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Throwable> service = CompletableFuture.supplyAsync(() -> {
            try {
                return VerifierMain.run(settings, stop);
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        try {
            publish(Topics.FEATURES.name(), "query", FeaturesCodec.toProto(TestPhotos.graf("graf3.png"),
                    DescriptorEncoding.FLOAT32).setImageId("query").build().toByteArray());
            publish(Topics.PREDICTIONS.name(), "query", Candidates.newBuilder().setImageId("query")
                    .addCandidates(Candidate.newBuilder().setLandmarkId("elsewhere").setScore(0.6f))
                    .addCandidates(Candidate.newBuilder().setLandmarkId(LANDMARK).setScore(0.3f))
                    .build().toByteArray());
            publish(Topics.FEATURES.name(), "junk", "not a protobuf message".getBytes(StandardCharsets.UTF_8));

            List<Result> results = read(Topics.RESULTS.name(), "query", ProtoSerdes.RESULTS.deserializer());
            assertEquals(1, results.size(), "exactly one result: " + results);
            Result result = results.get(0);
            assertEquals(Result.Status.RECOGNIZED, result.getStatus(), result.toString());
            assertEquals(LANDMARK, result.getLandmarkId());
            assertEquals("graf1", result.getReferenceImageId());
            assertTrue(result.getInliers() >= VerifyConfig.DEFAULT_MIN_INLIERS, "inliers " + result.getInliers());
            assertEquals(1, read(Topics.DEAD_LETTERS.name(), null, new ByteArrayDeserializer()).size(),
                    "the unreadable features record is dead-lettered");
        } finally {
            stop.countDown();
        }
        assertNull(service.get(DEADLINE.toSeconds(), TimeUnit.SECONDS), "a requested stop is no failure");
    }

    @Test
    void refusesToStartWhenTheReferencePartitionsDoNotMatch() {
        Settings settings = Settings.of(Map.of(
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "verifier.reference-partitions", "4",
                "verifier.state-dir", stateDir.toString()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VerifierMain.run(settings, new CountDownLatch(1)));
        assertTrue(e.getMessage().contains("set it to " + Topics.REFERENCES.partitions()), e.getMessage());
    }

    @Test
    void settingsAreValidated() {
        VerifierMain.ServiceConfig defaults = VerifierMain.ServiceConfig.from(Settings.of(Map.of()));
        assertEquals(VerifierMain.ServiceConfig.DEFAULT_APPLICATION_ID, defaults.applicationId());
        assertEquals("localhost:9092", defaults.bootstrapServers());
        assertThrows(IllegalArgumentException.class, () -> VerifierMain.ServiceConfig.from(
                Settings.of(Map.of("kafka.replication-factor", "0"))));
        assertThrows(IllegalArgumentException.class, () -> VerifierMain.ServiceConfig.from(
                Settings.of(Map.of("verifier.close-timeout", "0s"))));
    }

    private static void publish(String topic, String key, byte[] value) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        if (topic.equals(Topics.REFERENCES.name())) {
            config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, LandmarkPartitioner.class.getName());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    /**
     * Committed records of {@code topic} (with {@code key}, or any key when null): waits for the first, then reads one
     * more second to catch a duplicate.
     */
    private static <V> List<V> read(String topic, String key, org.apache.kafka.common.serialization.Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> found = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key == null || key.equals(r.key())) {
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
