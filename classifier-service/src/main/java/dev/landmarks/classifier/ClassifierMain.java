package dev.landmarks.classifier;

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
 * The classifier service: consumes {@code landmark.images} in batches, publishes {@code landmark.predictions}
 * (FAILED results and dead letters as the handler decides). Configured only through {@link Settings}
 * (see docs/classifier.md). Logs at start the model id and whether TensorFlow runs on the CPU or a GPU.
 */
public final class ClassifierMain {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierMain.class);
    /** How often main checks that the batch loop still runs. */
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(5);

    private ClassifierMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        ServeConfig serve = ServeConfig.from(settings);
        LOG.info(TensorFlowDevice.describe());
        CandidatesBatchHandler<BufferedImage> handler = handler(settings, serve);
        String input = new ImageInputReader().inputTopic();
        try (TransactionalBatchLoop loop = new TransactionalBatchLoop(serve.loopConfig(input), handler)) {
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
