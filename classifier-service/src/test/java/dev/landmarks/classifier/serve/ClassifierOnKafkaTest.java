package dev.landmarks.classifier.serve;

import com.google.protobuf.ByteString;
import dev.landmarks.classifier.ClassifierMain;
import dev.landmarks.classifier.testing.TestSavedModels;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.ImageEncoding;
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
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as a user meets it: a real KRaft broker, the exactly-once batch loop, the handler built from Settings
 * the way ClassifierMain builds it, the bundled sample photos, and a softmax SavedModel made by the test.
 */
class ClassifierOnKafkaTest {
    private static final Path SAMPLE = Path.of("..", "sample");

    @TempDir
    Path tmp;

    @Test
    void samplePhotosOnLandmarkImagesBecomePredictionsAndABrokenOneAFailedResult() throws Exception {
        Path model = tmp.resolve("model");
        TestSavedModels.meanColourSoftmax(model, 32, 10f, List.of("red_fort", "green_park", "blue_mosque"));
        List<String> photos = List.of("train/sacre_coeur/1054b7e1d15a7ef7.jpg", "train/opencv_aero/29da7f6bce9bf91e.jpg",
                "train/opencv_graf/2b8de19480fdc436.png");
        try (InProcessKafka kafka = InProcessKafka.start()) {
            kafka.createTopics(Topics.ALL);
            Settings settings = Settings.of(Map.of(
                    "kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "classifier.model-dir", model.toString(),
                    "classifier.top-k", "3",
                    "classifier.group-id", "classifier-test"));
            ServeConfig serve = ServeConfig.from(settings);
            try (var handler = ClassifierMain.handler(settings, serve);
                 TransactionalBatchLoop loop = new TransactionalBatchLoop(serve.loopConfig(Topics.IMAGES.name()), handler);
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(kafka.bootstrapServers()))) {
                loop.start();
                for (String photo : photos) {
                    String id = Path.of(photo).getFileName().toString().replaceAll("\\..*", "");
                    Image image = Image.newBuilder().setImageId(id).setSourceUrl(photo)
                            .setData(ByteString.copyFrom(Files.readAllBytes(SAMPLE.resolve(photo))))
                            .setEncoding(photo.endsWith(".png") ? ImageEncoding.PNG : ImageEncoding.JPEG).build();
                    producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes(id), image.toByteArray()));
                }
                Image broken = Image.newBuilder().setImageId("broken").setData(ByteString.copyFromUtf8("not a jpeg")).build();
                producer.send(new ProducerRecord<>(Topics.IMAGES.name(), bytes("broken"), broken.toByteArray()));
                producer.flush();

                Map<String, Candidates> predictions = new HashMap<>();
                Map<String, Result> results = new HashMap<>();
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(kafka.bootstrapServers()))) {
                    consumer.subscribe(List.of(Topics.PREDICTIONS.name(), Topics.RESULTS.name()));
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while ((predictions.size() < 3 || results.isEmpty()) && System.nanoTime() < deadline) {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            if (r.topic().equals(Topics.PREDICTIONS.name())) {
                                predictions.put(text(r.key()), Candidates.parseFrom(r.value()));
                            } else {
                                results.put(text(r.key()), Result.parseFrom(r.value()));
                            }
                        }
                    }
                }
                assertEquals(3, predictions.size(), "one prediction per readable photo: " + predictions.keySet());
                for (Candidates c : predictions.values()) {
                    assertEquals(3, c.getCandidatesCount());
                    assertTrue(c.getModelId().matches("cnn:[0-9a-f]{12}"));
                    float total = 0;
                    for (var candidate : c.getCandidatesList()) {
                        total += candidate.getScore();
                    }
                    assertEquals(1f, total, 1e-4f, "top-3 of 3 softmax outputs sum to one");
                }
                assertEquals(Result.Status.FAILED, results.get("broken").getStatus());
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return p;
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "classifier-test-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }
}
