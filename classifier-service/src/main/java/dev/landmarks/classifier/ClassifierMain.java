package dev.landmarks.classifier;

import dev.landmarks.classifier.retrieval.Reference;
import dev.landmarks.classifier.retrieval.RetrievalCandidates;
import dev.landmarks.classifier.retrieval.RetrievalConfig;
import dev.landmarks.classifier.retrieval.RetrievalIndex;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyConfig;
import dev.landmarks.classifier.serve.FeaturesInputReader;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.CompactedTopicReader;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.ReferenceFeatures;
import java.util.Map;
import dev.landmarks.classifier.candidates.CandidatesConfig;
import dev.landmarks.classifier.candidates.EmbeddingCandidates;
import dev.landmarks.classifier.candidates.LabelledInput;
import dev.landmarks.classifier.candidates.SoftmaxCandidates;
import dev.landmarks.classifier.dataset.LabelledPhotos;
import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.model.TensorFlowDevice;
import dev.landmarks.classifier.serve.CandidatesBatchHandler;
import dev.landmarks.classifier.serve.ImageInputReader;
import dev.landmarks.classifier.serve.ServeConfig;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The classifier service: consumes {@code landmark.images} (CNN generators) or {@code landmark.features} (retrieval,
 * the default without a model) in batches, publishes {@code landmark.predictions} (FAILED results and dead letters
 * as the handler decides). Configured only through {@link Settings} (see docs/classifier.md). Logs at start the
 * model id and, for a CNN, whether TensorFlow runs on the CPU or a GPU.
 */
public final class ClassifierMain {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierMain.class);
    /** How often main checks that the batch loop still runs. */
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(5);
    /** Reading the whole reference index at start; large indexes take a while. */
    private static final Duration REFERENCE_READ_TIMEOUT = Duration.ofMinutes(10);

    private ClassifierMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        ServeConfig serve = ServeConfig.from(settings);
        Stage stage = stage(settings, serve);
        String input = stage.inputTopic();
        try (TransactionalBatchLoop loop = new TransactionalBatchLoop(serve.loopConfig(input), stage.handler())) {
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "classifier-shutdown"));
            loop.start();
            LOG.info("classifier consuming {} with group {}", input, serve.groupId());
            // The loop offers no completion signal: wake every few seconds to notice a loop that died, so the process
            // exits non-zero and its supervisor restarts it instead of idling forever.
            while (!stop.await(LIVENESS_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!loop.isRunning()) {
                    LOG.error("batch loop stopped: {}", String.valueOf(loop.failure()));
                    System.exit(1);
                }
            }
        }
    }

    /**
     * What the service runs: the configured generator's batch handler and the topic it consumes.
     *
     * @param handler    closes the generator's model when closed
     * @param inputTopic landmark.features (retrieval) or landmark.images (a CNN)
     */
    public record Stage(CandidatesBatchHandler<?> handler, String inputTopic) {
    }

    /** Builds the configured generator (loading its model or reading its index); main and the Quarkus shell run it. */
    public static Stage stage(Settings settings, ServeConfig serve) throws Exception {
        if (serve.generator() == ServeConfig.GeneratorKind.RETRIEVAL) {
            return new Stage(retrievalHandler(settings, serve), new FeaturesInputReader().inputTopic());
        }
        LOG.info(TensorFlowDevice.describe());
        return new Stage(handler(settings, serve), new ImageInputReader().inputTopic());
    }

    /**
     * The weight-free generator: the reference index read whole from landmark.references, a vocabulary loaded from
     * {@code retrieval.vocabulary.file} (so every replica and restart shares one codebook) or trained on those
     * references, queried with each image's local features. References published later reach it at the next start.
     */
    public static CandidatesBatchHandler<Features> retrievalHandler(Settings settings, ServeConfig serve) {
        Map<String, ReferenceFeatures> index = CompactedTopicReader.read(serve.bootstrapServers(), Topics.REFERENCES,
                REFERENCE_READ_TIMEOUT);
        if (index.isEmpty()) {
            throw new IllegalStateException(Topics.REFERENCES.name() + " is empty: index the reference photos first "
                    + "(landmarks index TRAIN.csv --bootstrap-servers ...)");
        }
        List<Reference> references = index.values().stream()
                .map(r -> new Reference(r.getLandmarkId(), r.getImageId(), FeaturesCodec.fromProto(r.getFeatures())))
                .toList();
        RetrievalIndex retrieval = RetrievalIndex.build(VocabularyConfig.from(settings), RetrievalConfig.from(settings),
                references);
        LOG.info("retrieval over {} references, model {}", retrieval.size(), retrieval.modelId());
        return CandidatesBatchHandler.of(new FeaturesInputReader(),
                new RetrievalCandidates(retrieval, CandidatesConfig.from(settings).topK()));
    }

    /** Loads the configured model and generator and wraps them as the batch handler (the one-JVM runner calls this). */
    public static CandidatesBatchHandler<BufferedImage> handler(Settings settings, ServeConfig serve) throws Exception {
        ModelConfig modelConfig = ModelConfig.from(settings);
        CandidatesConfig candidates = CandidatesConfig.from(settings);
        ImageModel model = ImageModel.load(modelConfig);
        LOG.info("model {} (input {} px, normalization {})", model.hash(), model.inputSize(), model.normalization().settingValue());
        ImageInputReader reader = new ImageInputReader();
        if (serve.generator() == ServeConfig.GeneratorKind.SOFTMAX) {
            return CandidatesBatchHandler.of(reader, new SoftmaxCandidates(model, serve.output(), candidates.topK()));
        }
        EmbeddingCandidates embedding = new EmbeddingCandidates(model, serve.output(), candidates);
        if (serve.references().isPresent()) {
            List<LabelledPhotos.Row> rows = LabelledPhotos.read(serve.references().get());
            for (int from = 0; from < rows.size(); from += serve.maxBatch()) {
                List<LabelledInput<BufferedImage>> batch = new ArrayList<>();
                for (LabelledPhotos.Row row : rows.subList(from, Math.min(rows.size(), from + serve.maxBatch()))) {
                    batch.add(row.load());
                }
                embedding.addReferences(batch);
            }
            LOG.info("indexed {} reference photos from {}", embedding.referenceCount(), serve.references().get());
        }
        return new CandidatesBatchHandler<>(reader, embedding, Optional.of(embedding::addReferences), Clock.systemUTC());
    }
}
