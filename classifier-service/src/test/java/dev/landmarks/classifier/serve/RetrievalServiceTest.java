package dev.landmarks.classifier.serve;

import dev.landmarks.classifier.ClassifierMain;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classifier service without a model: retrieval over the reference index it reads from landmark.references. */
class RetrievalServiceTest {
    static InProcessKafka kafka;

    @BeforeAll
    static void start() {
        kafka = InProcessKafka.start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void withoutAModelTheServiceRetrievesFromTheIndexedReferences() throws Exception {
        Settings settings = Settings.of(Map.of("kafka.bootstrap-servers", kafka.bootstrapServers(),
                "retrieval.vocabulary.coarse", "4", "retrieval.vocabulary.fine", "8"));
        ServeConfig serve = ServeConfig.from(settings);
        assertEquals(ServeConfig.GeneratorKind.RETRIEVAL, serve.generator(), "no model configured: retrieval");
        kafka.createTopics(Topics.ALL);
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> ClassifierMain.retrievalHandler(settings, serve));
        assertTrue(empty.getMessage().contains("index the reference photos first"), empty.getMessage());

        Random random = new Random(7);
        Map<String, Features> references = Map.of("tower", features(random), "bridge", features(random),
                "dome", features(random));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), Topics.REFERENCES.keySerde().serializer(), Topics.REFERENCES.valueSerde().serializer())) {
            references.forEach((landmark, f) -> producer.send(new ProducerRecord<>(Topics.REFERENCES.name(),
                    landmark + "/" + landmark + "-1", ReferenceFeatures.newBuilder().setLandmarkId(landmark)
                    .setImageId(landmark + "-1").setFeatures(FeaturesCodec.toProto(f, DescriptorEncoding.INT8)).build())));
        }

        var handler = ClassifierMain.retrievalHandler(settings, serve);
        LocalFeatures query = FeaturesCodec.toProto(references.get("bridge"), DescriptorEncoding.INT8).setImageId("q1").build();
        var out = handler.handle(List.of(new ConsumerRecord<>(Topics.FEATURES.name(), 0, 0L,
                "q1".getBytes(StandardCharsets.UTF_8), query.toByteArray())));

        assertEquals(1, out.size());
        assertEquals(Topics.PREDICTIONS.name(), out.get(0).topic());
        Candidates candidates = Candidates.parseFrom(out.get(0).value());
        assertEquals("q1", candidates.getImageId());
        assertEquals("bridge", candidates.getCandidates(0).getLandmarkId(), candidates.toString());
        assertTrue(candidates.getModelId().startsWith("retrieval:"), candidates.getModelId());
    }

    /** 300 random RootSIFT-like descriptors (non-negative, unit length). */
    private static Features features(Random random) {
        int n = 300;
        int dim = 128;
        float[] d = new float[n * dim];
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                float v = random.nextFloat() < 0.7 ? 0f : random.nextFloat();
                d[i * dim + j] = v;
                norm += v * v;
            }
            for (int j = 0; j < dim; j++) {
                d[i * dim + j] /= (float) Math.sqrt(Math.max(norm, 1e-12));
            }
            x[i] = i;
        }
        return new Features("rootsift-v1", 640, 480, x, x.clone(), x.clone(), x.clone(), new float[0], dim, d);
    }
}
