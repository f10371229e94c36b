package dev.landmarks.it.stages;

import dev.landmarks.classifier.ClassifierMain;
import dev.landmarks.classifier.serve.ServeConfig;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.kafka.PipelineTopics;
import dev.landmarks.it.photos.SamplePhoto;
import dev.landmarks.it.photos.SamplePhotos;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.verifier.streams.LandmarkPartitioner;
import dev.landmarks.verifier.streams.LandmarkPartitioning;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classifier-service without a model, as ClassifierMain runs it: weight-free retrieval over the reference index
 * it reads from landmark.references at start ({@link ClassifierMain#retrievalHandler}), the vocabulary trained on
 * those references. Inputs: query LocalFeatures on landmark.features (RootSIFT of the sample test photos); answer:
 * Candidates on landmark.predictions.
 */
public final class ClassifierStage implements BatchStage {
    /** A codebook small enough to train in milliseconds on the few reference photos (4 x 16 words). */
    private static final Map<String, String> SMALL_VOCABULARY = Map.of(
            "retrieval.vocabulary.coarse", "4",
            "retrieval.vocabulary.fine", "16");

    private final ResilienceConfig config;
    private final Resources resources = new Resources();

    public ClassifierStage(ResilienceConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "classifier";
    }

    @Override
    public String inputTopic() {
        return Topics.FEATURES.name();
    }

    @Override
    public String answerTopic() {
        return Topics.PREDICTIONS.name();
    }

    /** Publishes the reference photos' features, keyed and partitioned by landmark as the index builder does. */
    @Override
    public void prepare(String bootstrapServers) throws Exception {
        PipelineTopics.publish(bootstrapServers, referenceRecords(config),
                Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, LandmarkPartitioner.class.getName()));
    }

    /** The reference index of the sample: one ReferenceFeatures record per train photo. */
    public static List<ProducerRecord<byte[], byte[]>> referenceRecords(ResilienceConfig config) {
        Map<String, Features> features = PhotoFeatures.of(config);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (SamplePhoto p : SamplePhotos.references(config.photoMaxSide())) {
            ReferenceFeatures value = ReferenceFeatures.newBuilder()
                    .setLandmarkId(p.landmarkId())
                    .setImageId(p.id())
                    .setFeatures(FeaturesCodec.toProto(features.get(p.id()), DescriptorEncoding.INT8))
                    .build();
            String key = LandmarkPartitioning.referenceKey(p.landmarkId(), p.id());
            records.add(new ProducerRecord<>(Topics.REFERENCES.name(), key.getBytes(StandardCharsets.UTF_8),
                    value.toByteArray()));
        }
        return records;
    }

    /** Query features of the sample test photos, in turn, under the given stage name's image ids. */
    public static List<LocalFeatures> queries(ResilienceConfig config, String stageName, int n) {
        Map<String, Features> features = PhotoFeatures.of(config);
        List<SamplePhoto> photos = SamplePhotos.queries(config.photoMaxSide());
        List<LocalFeatures> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SamplePhoto photo = photos.get(i % photos.size());
            out.add(FeaturesCodec.toProto(features.get(photo.id()), DescriptorEncoding.INT8)
                    .setImageId(BatchStage.imageId(stageName, i, photo.id()))
                    .setSourceUrl("sample/" + photo.path())
                    .setRequestedAtMs(System.currentTimeMillis())
                    .build());
        }
        return out;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> inputs(int n) {
        return queries(config, name(), n).stream()
                .map(f -> new ProducerRecord<>(inputTopic(), f.getImageId().getBytes(StandardCharsets.UTF_8),
                        f.toByteArray()))
                .toList();
    }

    @Override
    public BatchHandler newHandler(String bootstrapServers) {
        Settings settings = Settings.of(Map.of("kafka.bootstrap-servers", bootstrapServers)).with(SMALL_VOCABULARY);
        return resources.add(ClassifierMain.retrievalHandler(settings, ServeConfig.from(settings)));
    }

    @Override
    public void close() {
        resources.close();
    }
}
