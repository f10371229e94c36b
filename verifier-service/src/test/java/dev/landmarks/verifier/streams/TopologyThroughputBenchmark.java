package dev.landmarks.verifier.streams;

import com.google.protobuf.ByteString;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.ProtoSerdes;
import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Measures what the topology itself costs per image (pairing, fan-out through a repartition topic carrying the
 * query's features, gather, exactly-once commits) on the in-process broker, with the instant {@link SceneMatcher}
 * in place of geometric verification. Not a test: run it by hand (command in docs/verifier-topology.md).
 * Arguments: images (default 100), keypoints per query (default 4000, int8 descriptors of 128 values),
 * candidates per image (default 5).
 */
public final class TopologyThroughputBenchmark {
    private static final int LANDMARKS = 12;
    private static final int DESCRIPTOR_DIM = 128;
    private static final long SEED = 7;

    private TopologyThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int keypoints = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int candidates = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (InProcessKafka kafka = InProcessKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicCreator(admin, (short) 1).ensure(Topics.ALL);
            VerifierTopologyConfig config = VerifierTopologyConfig.defaults()
                    .withStateDir(Files.createTempDirectory("verifier-bench-"));
            SceneMatcher matcher = new SceneMatcher();
            Map<String, Object> producerConfig = new HashMap<>();
            producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxRecordBytes());
            producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            try (KafkaStreams streams = new KafkaStreams(VerifierTopology.topology(config, matcher, matcher),
                    VerifierTopology.streamsConfig(kafka.bootstrapServers(), "verifier-bench-" + UUID.randomUUID(),
                            config));
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                         new ByteArraySerializer())) {
                streams.start();
                List<String> landmarks = new ArrayList<>();
                for (int i = 0; i < LANDMARKS; i++) {
                    String landmark = Integer.toString(500 + i);
                    landmarks.add(landmark);
                    String key = LandmarkPartitioning.referenceKey(landmark, "ref-" + i);
                    producer.send(new ProducerRecord<>(Topics.REFERENCES.name(),
                            LandmarkPartitioning.partition(landmark, Topics.REFERENCES.partitions()), key,
                            SceneMatcher.reference(landmark, "ref-" + i, i + 1).toByteArray()));
                }
                producer.flush();
                awaitRunning(streams);
                // Warm-up image: the first pass creates producers' transactions and opens every store.
                producer.send(new ProducerRecord<>(Topics.FEATURES.name(), "warm-up",
                        SceneMatcher.query("warm-up", 1).toByteArray()));
                producer.send(new ProducerRecord<>(Topics.PREDICTIONS.name(), "warm-up",
                        SceneMatcher.candidates("warm-up", landmarks.get(0), 1f).toByteArray()));
                producer.flush();
                readResults(kafka, 1);
                Random random = new Random(SEED);
                byte[] descriptors = new byte[keypoints * DESCRIPTOR_DIM];
                random.nextBytes(descriptors);
                long start = System.nanoTime();
                long featureBytes = 0;
                for (int i = 0; i < images; i++) {
                    String imageId = "bench-" + i;
                    int right = i % LANDMARKS;
                    Object[] cands = new Object[candidates * 2];
                    for (int c = 0; c < candidates; c++) {
                        cands[2 * c] = landmarks.get((right + c) % LANDMARKS);
                        cands[2 * c + 1] = 1f / (c + 1);
                    }
                    byte[] features = query(imageId, right + 1, keypoints, descriptors, random).toByteArray();
                    featureBytes = features.length;
                    producer.send(new ProducerRecord<>(Topics.FEATURES.name(), imageId, features));
                    producer.send(new ProducerRecord<>(Topics.PREDICTIONS.name(), imageId,
                            SceneMatcher.candidates(imageId, cands).toBuilder()
                                    .setRequestedAtMs(System.currentTimeMillis()).build().toByteArray()));
                }
                producer.flush();
                List<Long> latencies = readResults(kafka, images);
                double seconds = (System.nanoTime() - start) / 1e9;
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("images=%d keypoints=%d candidates=%d features-record=%d bytes%n",
                        images, keypoints, candidates, featureBytes);
                System.out.printf("results=%d in %.2f s: %.1f images/s, %.1f verification tasks/s%n",
                        sorted.length, seconds, sorted.length / seconds, sorted.length * candidates / seconds);
                System.out.printf("latency requested->completed ms: p50=%d p95=%d max=%d; verify calls=%d%n",
                        sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1],
                        matcher.totalVerifyCalls());
            }
        }
    }

    private static LocalFeatures query(String imageId, int scene, int keypoints, byte[] descriptors, Random random) {
        LocalFeatures.Builder f = SceneMatcher.query(imageId, scene).toBuilder().clearX().clearY().clearScale()
                .clearStrength()
                .setDescriptorEncoding(DescriptorEncoding.INT8).setDescriptorDim(DESCRIPTOR_DIM)
                .setDescriptorScale(1f / 127).setDescriptors(ByteString.copyFrom(descriptors));
        for (int k = 0; k < keypoints; k++) {
            f.addX(random.nextFloat() * 1024).addY(random.nextFloat() * 768).addScale(2f).addStrength(1f)
                    .addOrientation(random.nextFloat() * 360);
        }
        return f.build();
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("streams did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(100);
        }
    }

    /** Results of the benchmark images (the warm-up result is read and dropped separately). */
    private static List<Long> readResults(InProcessKafka kafka, int expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<String, Result> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                ProtoSerdes.RESULTS.deserializer())) {
            consumer.subscribe(List.of(Topics.RESULTS.name()));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (latencies.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Result> r : consumer.poll(Duration.ofMillis(200))) {
                    if (expected > 1 && r.key().equals("warm-up")) {
                        continue;
                    }
                    latencies.add(r.value().getCompletedAtMs() - r.value().getRequestedAtMs());
                }
            }
        }
        if (latencies.size() < expected) {
            throw new IllegalStateException("only " + latencies.size() + " of " + expected + " results arrived");
        }
        return latencies;
    }
}
