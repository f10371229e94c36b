package dev.landmarks.delf;

import com.google.protobuf.ByteString;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The service as DelfMain starts it, from settings alone, on a real in-process broker with no topics yet: it creates
 * them, and the exactly-once loop turns every image into exactly one committed output on the right topic.
 */
class DelfServiceOnBrokerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void everyImageYieldsExactlyOneCommittedOutputOnTheRightTopicUntilStopped() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            Settings settings = Settings.of(Map.of(
                    "kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "features.encoding", "float16",
                    "rootsift.max-side", "480",
                    "rootsift.max-features", "300",
                    "delf.poll-timeout", "200ms"));
            CountDownLatch stop = new CountDownLatch(1);
            ExecutorService runner = Executors.newSingleThreadExecutor();
            try {
                Future<Throwable> service = runner.submit(() -> DelfMain.run(settings, stop));

                List<String> good = List.of("1054b7e1d15a7ef7", "9f6e46808ed827f1", "c888ce7fa10aef5d");
                try (KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
                    for (String id : good) {
                        producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes(id),
                                image(id, "train/sacre_coeur/" + id + ".jpg").toByteArray()));
                    }
                    Image broken = image("broken", "train/opencv_box/d71b0dde6bd743a5.png").toBuilder()
                            .setData(ByteString.copyFromUtf8("not a png")).build();
                    producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("broken"), broken.toByteArray()));
                    producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("garbage"), new byte[]{(byte) 0xff, 0x7f}));
                }
                Map<String, List<ConsumerRecord<byte[], byte[]>>> out = readCommitted(kafka.bootstrapServers(), Map.of(
                        Topics.FEATURES.name(), 3, Topics.RESULTS.name(), 1, Topics.DEAD_LETTERS.name(), 1));
                stop.countDown();

                assertNull(service.get(60, TimeUnit.SECONDS), "a requested stop is not a failure");
                List<ConsumerRecord<byte[], byte[]>> features = out.get(Topics.FEATURES.name());
                assertEquals(good.stream().sorted().toList(),
                        features.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).sorted().toList());
                for (ConsumerRecord<byte[], byte[]> r : features) {
                    LocalFeatures f = LocalFeatures.parseFrom(r.value());
                    assertEquals("sacre_coeur", f.getLandmarkId());
                    assertEquals(DescriptorEncoding.FLOAT16, f.getDescriptorEncoding());
                    assertEquals(300, f.getXCount());
                }
                Result failed = Result.parseFrom(out.get(Topics.RESULTS.name()).get(0).value());
                assertEquals("broken", failed.getImageId());
                assertEquals(Result.Status.FAILED, failed.getStatus());
                assertEquals("garbage", new String(out.get(Topics.DEAD_LETTERS.name()).get(0).key(), StandardCharsets.UTF_8));
            } finally {
                stop.countDown();
                runner.shutdownNow();
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Image image(String id, String samplePath) throws java.io.IOException {
        return Image.newBuilder().setImageId(id).setSourceUrl(samplePath).setLandmarkId("sacre_coeur")
                .setData(ByteString.copyFrom(Files.readAllBytes(SampleData.path(samplePath)))).build();
    }

    /** Reads committed records until each topic has its expected count, then checks that no more follow. */
    private static Map<String, List<ConsumerRecord<byte[], byte[]>>> readCommitted(String bootstrap,
                                                                                  Map<String, Integer> expected) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<ConsumerRecord<byte[], byte[]>>> out = new HashMap<>();
        expected.keySet().forEach(t -> out.put(t, new ArrayList<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(expected.keySet());
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (expected.entrySet().stream().anyMatch(e -> out.get(e.getKey()).size() < e.getValue())
                    && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.get(r.topic()).add(r));
            }
            // one more poll: a duplicate would show up here
            consumer.poll(Duration.ofMillis(500)).forEach(r -> out.get(r.topic()).add(r));
        }
        expected.forEach((topic, n) -> assertEquals(n, out.get(topic).size(), "records on " + topic));
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
