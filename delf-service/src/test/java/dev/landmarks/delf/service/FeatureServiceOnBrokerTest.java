package dev.landmarks.delf.service;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.TopicCreator;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.proto.Image;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler run by the exactly-once batch loop on a real in-process broker, as DelfMain runs it. */
class FeatureServiceOnBrokerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void everyImageYieldsExactlyOneCommittedOutputOnTheRightTopic() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start();
             RootSiftExtractor extractor = new RootSiftExtractor(RootSiftConfig.defaults().withSize(480, 500))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                new TopicCreator(admin, (short) 1).ensure(Topics.ALL);
            }
            List<String> good = List.of("1054b7e1d15a7ef7", "9f6e46808ed827f1", "c888ce7fa10aef5d");
            try (KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
                for (String id : good) {
                    Image image = ImageFeaturesHandlerTest.image(id, "train/sacre_coeur/" + id + ".jpg", "sacre_coeur");
                    producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes(id), image.toByteArray()));
                }
                Image broken = ImageFeaturesHandlerTest.image("broken", "train/opencv_box/d71b0dde6bd743a5.png", "")
                        .toBuilder().setData(com.google.protobuf.ByteString.copyFromUtf8("not a png")).build();
                producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("broken"), broken.toByteArray()));
                producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("garbage"), new byte[]{(byte) 0xff, 0x7f}));
            }

            FeatureServiceConfig config = FeatureServiceConfig.defaults(kafka.bootstrapServers());
            try (TransactionalBatchLoop loop = new TransactionalBatchLoop(config.loopConfig(Topics.IMAGES.name()),
                    new ImageFeaturesHandler(extractor, config, ImageFeaturesHandlerTest.CLOCK))) {
                loop.start();
                Map<String, List<ConsumerRecord<byte[], byte[]>>> out = readCommitted(kafka.bootstrapServers(), Map.of(
                        Topics.FEATURES.name(), 3, Topics.RESULTS.name(), 1, Topics.DEAD_LETTERS.name(), 1));
                List<ConsumerRecord<byte[], byte[]>> features = out.get(Topics.FEATURES.name());
                List<ConsumerRecord<byte[], byte[]>> results = out.get(Topics.RESULTS.name());
                List<ConsumerRecord<byte[], byte[]>> dead = out.get(Topics.DEAD_LETTERS.name());
                assertNull(loop.failure());

                assertEquals(good.stream().sorted().toList(),
                        features.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).sorted().toList());
                for (ConsumerRecord<byte[], byte[]> r : features) {
                    LocalFeatures f = LocalFeatures.parseFrom(r.value());
                    assertEquals("sacre_coeur", f.getLandmarkId());
                    assertTrue(f.getXCount() > 0 && f.getXCount() <= 500);
                }
                Result failed = Result.parseFrom(results.get(0).value());
                assertEquals("broken", failed.getImageId());
                assertEquals(Result.Status.FAILED, failed.getStatus());
                assertEquals("garbage", new String(dead.get(0).key(), StandardCharsets.UTF_8));
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer());
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
