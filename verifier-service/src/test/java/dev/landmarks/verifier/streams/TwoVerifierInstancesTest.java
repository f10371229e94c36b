package dev.landmarks.verifier.streams;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.ProtoSerdes;
import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two verifier instances in one application id on a real (in-process) broker: references are split between them by
 * landmark, every image is verified on the instance that owns each candidate, and each image gets exactly one result.
 */
class TwoVerifierInstancesTest {
    private static final Logger LOG = LoggerFactory.getLogger(TwoVerifierInstancesTest.class);
    private static final int PARTITIONS = Topics.REFERENCES.partitions();
    private static final int LANDMARKS_PER_PARTITION = 2;
    private static final int REFERENCES_PER_LANDMARK = 2;
    private static final int IMAGES = 24;
    private static final int CANDIDATES_PER_IMAGE = 3;
    private static final Duration DEADLINE = Duration.ofSeconds(45);

    @TempDir
    Path stateA;
    @TempDir
    Path stateB;

    @Test
    void everyImageGetsExactlyOneResultWhileBothInstancesVerify() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicCreator(admin, (short) 1).ensure(Topics.ALL);
            CopartitioningCheck.verify(admin, VerifierTopologyConfig.defaults());
            VerifierTopologyConfig wrongCount = VerifierTopologyConfig.from(
                    Settings.of(Map.of("verifier.reference-partitions", "4")));
            IllegalStateException mismatch = assertThrows(IllegalStateException.class,
                    () -> CopartitioningCheck.verify(admin, wrongCount));
            assertTrue(mismatch.getMessage().contains("set it to " + PARTITIONS), mismatch.getMessage());
            String applicationId = "verifier-it-" + UUID.randomUUID();
            List<String> landmarks = landmarksCoveringEveryPartition();
            SceneMatcher matcherA = new SceneMatcher();
            SceneMatcher matcherB = new SceneMatcher();

            KafkaStreams a = start(kafka, applicationId, stateA, matcherA);
            try (KafkaStreams ignoredA = a) {
                publishReferences(kafka, landmarks);
                awaitTrue("instance A holds every reference", () -> referencesHeld(a) == referenceCount(landmarks));

                // B joins later: its share of the references comes back from landmark.references itself.
                try (KafkaStreams b = start(kafka, applicationId, stateB, matcherB)) {
                    awaitTrue("both instances own verify tasks",
                            () -> ownsVerifyTasks(a) && ownsVerifyTasks(b)
                                    && referencesHeld(a) + referencesHeld(b) == referenceCount(landmarks));
                    assertTrue(referencesHeld(a) > 0 && referencesHeld(b) > 0, "references are split");

                    long started = System.nanoTime();
                    Map<String, String> truth = publishQueries(kafka, landmarks);
                    Map<String, List<Result>> results = readResults(kafka, truth.size());
                    LOG.info("{} images x {} candidates: verify calls A={} B={}, references held A={} B={}, "
                                    + "all results read {} ms after the first query was sent (includes 1 s of waiting "
                                    + "for duplicates)", IMAGES, CANDIDATES_PER_IMAGE, matcherA.totalVerifyCalls(),
                            matcherB.totalVerifyCalls(), referencesHeld(a), referencesHeld(b),
                            (System.nanoTime() - started) / 1_000_000);

                    assertEquals(truth.keySet(), results.keySet(), "every image has a result");
                    for (var entry : results.entrySet()) {
                        assertEquals(1, entry.getValue().size(), "exactly one result for " + entry.getKey());
                        Result r = entry.getValue().get(0);
                        assertEquals(Result.Status.RECOGNIZED, r.getStatus(), entry.getKey());
                        assertEquals(truth.get(entry.getKey()), r.getLandmarkId(), entry.getKey());
                    }
                    assertTrue(matcherA.totalVerifyCalls() > 0, "instance A verified");
                    assertTrue(matcherB.totalVerifyCalls() > 0, "instance B verified");
                    assertEquals(IMAGES * CANDIDATES_PER_IMAGE, matcherA.totalVerifyCalls() + matcherB.totalVerifyCalls(),
                            "each candidate verified once");
                    assertTrue(matcherA.referencesSeen.stream().allMatch(r -> r.size() == REFERENCES_PER_LANDMARK)
                            && matcherB.referencesSeen.stream().allMatch(r -> r.size() == REFERENCES_PER_LANDMARK),
                            "every verification saw all references of its landmark");
                    Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                    assertFalse(topics.contains(applicationId + "-" + VerifierTopology.REFERENCES_STORE + "-changelog"),
                            "landmark.references is the references store's changelog");
                    int taskPartitions = admin.describeTopics(List.of(applicationId + "-verify-tasks-repartition"))
                            .allTopicNames().get(30, TimeUnit.SECONDS).values().iterator().next().partitions().size();
                    assertEquals(PARTITIONS, taskPartitions);
                }
            }
        }
    }

    private static KafkaStreams start(InProcessKafka kafka, String applicationId, Path stateDir, SceneMatcher m) {
        VerifierTopologyConfig config = VerifierTopologyConfig.defaults().withStateDir(stateDir);
        KafkaStreams streams = new KafkaStreams(VerifierTopology.topology(config, m, m),
                VerifierTopology.streamsConfig(kafka.bootstrapServers(), applicationId, config));
        streams.start();
        return streams;
    }

    /** Landmark ids chosen so that every partition of landmark.references holds some. */
    private static List<String> landmarksCoveringEveryPartition() {
        Map<Integer, List<String>> byPartition = new HashMap<>();
        List<String> chosen = new ArrayList<>();
        for (int i = 0; chosen.size() < PARTITIONS * LANDMARKS_PER_PARTITION; i++) {
            String landmark = Integer.toString(100 + i);
            List<String> inPartition = byPartition.computeIfAbsent(
                    LandmarkPartitioning.partition(landmark, PARTITIONS), p -> new ArrayList<>());
            if (inPartition.size() < LANDMARKS_PER_PARTITION) {
                inPartition.add(landmark);
                chosen.add(landmark);
            }
        }
        return chosen;
    }

    private static int referenceCount(List<String> landmarks) {
        return landmarks.size() * REFERENCES_PER_LANDMARK;
    }

    /** Scene of landmark number i is i + 1; its references show that scene. */
    private static void publishReferences(InProcessKafka kafka, List<String> landmarks) {
        Map<String, Object> config = producerConfig(kafka);
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, LandmarkPartitioner.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < landmarks.size(); i++) {
                for (int r = 0; r < REFERENCES_PER_LANDMARK; r++) {
                    String landmark = landmarks.get(i);
                    String imageId = "ref-" + landmark + "-" + r;
                    producer.send(new ProducerRecord<>(Topics.REFERENCES.name(),
                            LandmarkPartitioning.referenceKey(landmark, imageId),
                            SceneMatcher.reference(landmark, imageId, i + 1).toByteArray()));
                }
            }
        }
    }

    /** Image i shows landmark i mod L; its candidates are two wrong landmarks around the right one. @return truth */
    private static Map<String, String> publishQueries(InProcessKafka kafka, List<String> landmarks) {
        Map<String, String> truth = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(kafka))) {
            for (int i = 0; i < IMAGES; i++) {
                String imageId = "img-" + i;
                int right = i % landmarks.size();
                String wrong1 = landmarks.get((right + 1) % landmarks.size());
                String wrong2 = landmarks.get((right + 5) % landmarks.size());
                truth.put(imageId, landmarks.get(right));
                var features = new ProducerRecord<>(Topics.FEATURES.name(), imageId,
                        SceneMatcher.query(imageId, right + 1).toByteArray());
                var predictions = new ProducerRecord<>(Topics.PREDICTIONS.name(), imageId,
                        SceneMatcher.candidates(imageId, wrong1, 0.5, landmarks.get(right), 0.3, wrong2, 0.2)
                                .toByteArray());
                // Half the images have their predictions first.
                producer.send(i % 2 == 0 ? features : predictions);
                producer.send(i % 2 == 0 ? predictions : features);
            }
        }
        return truth;
    }

    /** Reads committed results until {@code expected} arrived, then one more second to catch any duplicate. */
    private static Map<String, List<Result>> readResults(InProcessKafka kafka, int expected) {
        Map<String, List<Result>> byImage = new HashMap<>();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "results-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, Result> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                ProtoSerdes.RESULTS.deserializer())) {
            consumer.subscribe(List.of(Topics.RESULTS.name()));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            long extraUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, extraUntil)) {
                for (ConsumerRecord<String, Result> r : consumer.poll(Duration.ofMillis(200))) {
                    byImage.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                }
                if (byImage.size() >= expected && extraUntil == Long.MAX_VALUE) {
                    extraUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return byImage;
    }

    private static Map<String, Object> producerConfig(InProcessKafka kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    private static long referencesHeld(KafkaStreams streams) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return -1;
        }
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                    VerifierTopology.REFERENCES_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
            return store.approximateNumEntries() >= 0 ? count(store) : -1;
        } catch (RuntimeException rebalancing) {
            return -1;
        }
    }

    private static long count(ReadOnlyKeyValueStore<String, byte[]> store) {
        long n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    /** True when the instance runs and is active for at least one task of the sub-topology that verifies. */
    private static boolean ownsVerifyTasks(KafkaStreams streams) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            if (thread.activeTasks().stream().anyMatch(t -> t.topicPartitions().stream()
                    .anyMatch(tp -> tp.topic().equals(Topics.REFERENCES.name())))) {
                return true;
            }
        }
        return false;
    }

    /** Polls a condition every 100 ms until it holds; fails after the deadline. */
    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
