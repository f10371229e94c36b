package dev.landmarks.it.stages;

import dev.landmarks.classifier.ClassifierMain;
import dev.landmarks.classifier.serve.ServeConfig;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.kafka.PipelineTopics;
import dev.landmarks.verifier.streams.LandmarkPartitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
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
        PipelineTopics.publish(bootstrapServers, SampleIndex.referenceRecords(config),
                Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, LandmarkPartitioner.class.getName()));
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> inputs(int n) {
        return SampleIndex.queries(config, name(), n).stream()
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
