package dev.landmarks.cli.run;

import dev.landmarks.classifier.retrieval.RetrievalCandidates;
import dev.landmarks.classifier.serve.CandidatesBatchHandler;
import dev.landmarks.classifier.serve.FeaturesInputReader;
import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.LoopConfig;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.common.kafka.TransactionalBatchLoop;
import dev.landmarks.delf.features.LocalFeatureExtractor;
import dev.landmarks.delf.service.FeatureServiceConfig;
import dev.landmarks.delf.service.ImageFeaturesHandler;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestProcessor;
import dev.landmarks.verifier.streams.DecideFunction;
import dev.landmarks.verifier.streams.VerifierTopology;
import dev.landmarks.verifier.streams.VerifierTopologyConfig;
import dev.landmarks.verifier.streams.VerifyFunction;
import org.apache.kafka.streams.KafkaStreams;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every stage of the pipeline running in this JVM against one broker, each exactly as its service runs it: ingest,
 * features and candidates as {@link TransactionalBatchLoop}s, the verifier as a Kafka Streams application. They
 * talk only through the topics, so the one-JVM mode exercises the same wire contracts as a deployment.
 */
final class StageWorkers implements AutoCloseable {
    private final List<TransactionalBatchLoop> loops = new ArrayList<>();
    private final KafkaStreams verifier;
    private final Optional<CandidatesBatchHandler<BufferedImage>> cnnCandidates;

    /**
     * @param batch records per poll for the batch stages: small, so progress is smooth and work spreads over stages
     */
    StageWorkers(KafkaConnection kafka, Settings settings, int batch, ImageIngestor ingestor, LocalFeatureExtractor extractor,
                 RetrievalCandidates candidates, Optional<CandidatesBatchHandler<BufferedImage>> cnnCandidates,
                 VerifyFunction verify, DecideFunction decide, VerifierTopologyConfig verifierConfig) {
        this.cnnCandidates = cnnCandidates;
        String bootstrap = kafka.bootstrapServers();
        Duration poll = Duration.ofMillis(200);
        loops.add(new TransactionalBatchLoop(
                new LoopConfig(bootstrap, "landmarks-run-ingest", Topics.REQUESTS.name(), batch, poll),
                new IngestProcessor(ingestor)));
        FeatureServiceConfig featureConfig = FeatureServiceConfig.from(
                settings.with(java.util.Map.of("kafka.bootstrap-servers", bootstrap)));
        loops.add(new TransactionalBatchLoop(
                new LoopConfig(bootstrap, "landmarks-run-features", Topics.IMAGES.name(), batch, poll),
                new ImageFeaturesHandler(extractor, featureConfig, Clock.systemUTC())));
        loops.add(new TransactionalBatchLoop(
                new LoopConfig(bootstrap, "landmarks-run-candidates", Topics.FEATURES.name(), batch, poll),
                CandidatesBatchHandler.of(new FeaturesInputReader(), candidates)));
        cnnCandidates.ifPresent(handler -> loops.add(new TransactionalBatchLoop(
                new LoopConfig(bootstrap, "landmarks-run-cnn-candidates", Topics.IMAGES.name(), batch, poll), handler)));
        verifier = new KafkaStreams(VerifierTopology.topology(verifierConfig, verify, decide),
                VerifierTopology.streamsConfig(bootstrap, "landmarks-run-verifier", verifierConfig));
    }

    void start() {
        verifier.start();
        loops.forEach(TransactionalBatchLoop::start);
    }

    /** A stage that stopped on an error, described; null while all run. */
    String failure() {
        for (TransactionalBatchLoop loop : loops) {
            if (loop.failure() != null) {
                return loop.failure().toString();
            }
        }
        KafkaStreams.State state = verifier.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            return "the verifier stopped (Kafka Streams state " + state + ")";
        }
        return null;
    }

    @Override
    public void close() {
        loops.forEach(TransactionalBatchLoop::close);
        cnnCandidates.ifPresent(CandidatesBatchHandler::close);
        verifier.close(Duration.ofSeconds(30));
        verifier.cleanUp();
    }
}
