package dev.landmarks.classifier.quarkus;

import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.quarkus.testing.InProcessKafkaTestResource;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.ReferenceFeatures;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.Map;

/**
 * The shared test broker with the reference index on landmark.references filled with RootSIFT features of sample
 * photos (what `landmarks index` publishes), so the classifier finds an index at start; a fresh consumer group and a
 * small vocabulary, which suits so few references.
 */
public class InProcessKafkaResource extends InProcessKafkaTestResource {
    /** Reference photos: landmark, image id, path under sample/. */
    static final String[][] REFERENCES = {
            {"sacre_coeur", "1054b7e1d15a7ef7", "train/sacre_coeur/1054b7e1d15a7ef7.jpg"},
            {"sacre_coeur", "9f6e46808ed827f1", "train/sacre_coeur/9f6e46808ed827f1.jpg"},
            {"opencv_graf", "2b8de19480fdc436", "train/opencv_graf/2b8de19480fdc436.png"},
            {"opencv_aero", "29da7f6bce9bf91e", "train/opencv_aero/29da7f6bce9bf91e.jpg"},
    };

    @Override
    protected Map<String, String> configure(InProcessKafka kafka) {
        try (KafkaProducer<String, ReferenceFeatures> producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                Topics.REFERENCES.keySerde().serializer(), Topics.REFERENCES.valueSerde().serializer())) {
            for (String[] ref : REFERENCES) {
                ReferenceFeatures value = ReferenceFeatures.newBuilder().setLandmarkId(ref[0]).setImageId(ref[1])
                        .setFeatures(FeaturesCodec.toProto(SamplePhotos.features(ref[2]), DescriptorEncoding.INT8)
                                .setImageId(ref[1]))
                        .build();
                producer.send(new ProducerRecord<>(Topics.REFERENCES.name(), ref[0] + "/" + ref[1], value));
            }
        }
        return Map.of("landmarks.classifier.group-id", freshGroup("classifier-quarkus"),
                "landmarks.retrieval.vocabulary.coarse", "4",
                "landmarks.retrieval.vocabulary.fine", "8");
    }
}
