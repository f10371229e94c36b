package dev.landmarks.cli.run;

import dev.landmarks.classifier.candidates.CandidatesConfig;
import dev.landmarks.classifier.retrieval.Reference;
import dev.landmarks.classifier.retrieval.RetrievalCandidates;
import dev.landmarks.classifier.retrieval.RetrievalConfig;
import dev.landmarks.classifier.retrieval.RetrievalIndex;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyConfig;
import dev.landmarks.cli.csv.ImageListCsv;
import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.cli.evaluate.Gap;
import dev.landmarks.cli.explain.ExplainReport;
import dev.landmarks.cli.explain.Explainer;
import dev.landmarks.cli.evaluate.GapReport;
import dev.landmarks.cli.index.IndexConfig;
import dev.landmarks.cli.index.IndexReport;
import dev.landmarks.cli.index.ReferenceIndexer;
import dev.landmarks.cli.progress.ProgressPrinter;
import dev.landmarks.cli.sink.CollectProgress;
import dev.landmarks.cli.submission.SolutionCsv;
import dev.landmarks.cli.submit.RequestPublisher;
import dev.landmarks.classifier.ClassifierMain;
import dev.landmarks.classifier.serve.CandidatesBatchHandler;
import dev.landmarks.classifier.serve.ServeConfig;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.delf.features.FeaturesConfig;
import dev.landmarks.delf.features.LocalFeatureExtractor;
import dev.landmarks.delf.features.LocalFeatureExtractors;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestConfig;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.sink.CollectConfig;
import dev.landmarks.sink.CollectOutcome;
import dev.landmarks.sink.ResultsCollector;
import dev.landmarks.sink.SubmissionSink;
import dev.landmarks.sink.submission.Prediction;
import dev.landmarks.verifier.decide.DecisionConfig;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.streams.GeometricVerification;
import dev.landmarks.verifier.streams.VerifierTopologyConfig;
import dev.landmarks.verifier.verify.VerifyConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The main job in one JVM: a broker (in-process unless one is given), the reference index built from train.csv,
 * every stage started as its service runs it, test.csv pushed through landmark.requests, results collected until
 * each test id has exactly one, the submission and a report written, and GAP printed when a solution is given.
 */
public final class PipelineRun {
    private static final String STREAM_THREADS = "verifier.stream-threads";
    private final Settings settings;
    private final PrintWriter err;

    public PipelineRun(Settings settings, PrintWriter err) {
        this.settings = settings;
        this.err = err;
    }

    public RunSummary execute(RunOptions options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<ImageRow> train = ImageListCsv.read(options.train());
        List<ImageRow> test = ImageListCsv.read(options.test());
        List<String> expected = test.stream().map(ImageRow::id).toList();
        Path trainFolder = folderOf(options.train());
        Path testFolder = folderOf(options.test());
        ProgressPrinter progress = new ProgressPrinter(err, Duration.ofSeconds(2));
        Phases phases = new Phases();

        IngestConfig ingestConfig = localIngest(settings, commonRoot(trainFolder, testFolder));
        FeaturesConfig featuresConfig = FeaturesConfig.from(settings);
        try (Broker broker = Broker.open(options.kafka());
             ImageIngestor ingestor = new ImageIngestor(ingestConfig)) {
            err.println(broker.inProcess()
                    ? "kafka: in-process broker at " + broker.connection().bootstrapServers()
                    : "kafka: " + broker.connection().bootstrapServers());
            broker.connection().ensureTopics(Topics.ALL);
            phases.mark("start");

            IndexReport index = new ReferenceIndexer(broker.connection(), IndexConfig.from(settings), ingestor,
                    () -> create(featuresConfig), progress).index(train, trainFolder);
            err.println(index.describe());
            index.failures().forEach(f -> err.println("  reference failed: " + f));
            if (index.index().isEmpty()) {
                throw new IllegalStateException("no reference photo could be indexed from " + options.train());
            }
            phases.mark("index");

            RetrievalIndex retrieval = RetrievalIndex.build(VocabularyConfig.from(settings),
                    RetrievalConfig.from(settings), references(index.index()));
            err.printf("retrieval: %d references, vocabulary %s%n", retrieval.size(), retrieval.modelId());
            phases.mark("vocabulary");

            SubmissionSink sink = SubmissionSink.from(settings);
            CollectOutcome collected;
            Optional<CandidatesBatchHandler<BufferedImage>> cnn = cnnCandidates(broker.connection().bootstrapServers());
            try (LocalFeatureExtractor extractor = create(featuresConfig);
                 StageWorkers stages = new StageWorkers(broker.connection(), settings, settings.integer("run.batch", 4),
                         ingestor, extractor,
                         new RetrievalCandidates(retrieval, CandidatesConfig.from(settings).topK()), cnn,
                         GeometricVerification.verify(VerifyConfig.from(settings)),
                         GeometricVerification.decide(new DecisionPolicy(DecisionConfig.from(settings))),
                         verifierConfig().withCandidateSources(cnn.isPresent() ? 2 : 1))) {
                stages.start();
                publish(broker, test, testFolder);
                collected = collect(broker, stages, sink, expected);
            }
            phases.mark("queries");

            Files.createDirectories(options.out().toAbsolutePath().getParent());
            sink.write(options.out(), expected);
            if (options.explain().isPresent()) {
                explain(sink, expected, train, test, trainFolder, testFolder, options.explain().get());
            }
            Optional<GapReport> gap = Optional.empty();
            if (options.solution().isPresent()) {
                gap = Optional.of(score(sink, expected, options.solution().get()));
            }
            double wall = (System.nanoTime() - start) / 1e9;
            RunSummary summary = new RunSummary(options, index, sink, expected, collected, gap, phases.seconds(), wall);
            Files.writeString(options.reportPath(), RunReport.markdown(summary));
            return summary;
        }
    }

    private static LocalFeatureExtractor create(FeaturesConfig config) {
        try {
            return LocalFeatureExtractors.create(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the feature extractor: " + e.getMessage(), e);
        }
    }

    /** Local files are allowed under the folder holding both CSVs, and only there. */
    static IngestConfig localIngest(Settings settings, Path root) {
        IngestConfig c = IngestConfig.from(settings);
        return new IngestConfig(c.fetch().withLocalRoot(root), c.image());
    }

    /** The deepest folder holding both (local files are read only under it). */
    public static Path commonRoot(Path a, Path b) {
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        while (!y.startsWith(x)) {
            x = x.getParent();
        }
        return x;
    }

    private static Path folderOf(Path csv) {
        Path parent = csv.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /**
     * The verifier is the costliest stage, and in one JVM it is alone with its data: unless configured, it gets a
     * stream thread per core (the dev set: 140 s instead of 148 s, same answers; docs/results.md).
     */
    private VerifierTopologyConfig verifierConfig() throws IOException {
        Path stateDir = Files.createTempDirectory("landmarks-verifier-");
        Settings verifier = settings.find(STREAM_THREADS).isPresent() ? settings
                : settings.with(Map.of(STREAM_THREADS, Integer.toString(Runtime.getRuntime().availableProcessors())));
        return VerifierTopologyConfig.from(verifier).withStateDir(stateDir);
    }

    /**
     * With {@code classifier.model-dir} set, a CNN proposes candidates too (its SavedModel over the ingested images),
     * beside retrieval; the verifier then merges both generators' candidates. Without it, retrieval alone.
     */
    private Optional<CandidatesBatchHandler<BufferedImage>> cnnCandidates(String bootstrapServers) throws IOException {
        if (settings.find("classifier.model-dir").isEmpty()) {
            return Optional.empty();
        }
        Settings cnn = settings.with(Map.of("kafka.bootstrap-servers", bootstrapServers));
        ServeConfig serve = ServeConfig.from(cnn);
        if (serve.generator() == ServeConfig.GeneratorKind.RETRIEVAL) {
            return Optional.empty();
        }
        err.println("candidates: a CNN (" + serve.generator().name().toLowerCase(java.util.Locale.ROOT)
                + ") beside retrieval, merged in the verifier");
        try {
            return Optional.of(ClassifierMain.handler(cnn, serve));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot load the CNN from " + settings.find("classifier.model-dir").orElse("")
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<Reference> references(Map<String, ReferenceFeatures> index) {
        List<Reference> refs = new ArrayList<>(index.size());
        for (ReferenceFeatures r : index.values()) {
            refs.add(new Reference(r.getLandmarkId(), r.getImageId(), FeaturesCodec.fromProto(r.getFeatures())));
        }
        return refs;
    }

    private void publish(Broker broker, List<ImageRow> test, Path testFolder) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                broker.connection().clientProperties("landmarks-run-submit"), new StringSerializer(), new StringSerializer())) {
            var report = new RequestPublisher(producer, Topics.REQUESTS.name()).publish(test, testFolder);
            if (report.failed() > 0) {
                throw new IllegalStateException(report.failed() + " requests could not be published");
            }
            err.printf("submitted %d requests%n", report.published());
        }
    }

    /** Waits for one result per test id; a stage that dies ends the wait at once instead of at the time-out. */
    private CollectOutcome collect(Broker broker, StageWorkers stages, SubmissionSink sink, List<String> expected)
            throws InterruptedException {
        CollectConfig config = CollectConfig.from(settings);
        CollectConfig fromStart = new CollectConfig(config.timeout(), Duration.ofSeconds(2), config.pollTimeout(), true);
        Thread collector = Thread.currentThread();
        Thread watchdog = new Thread(() -> {
            try {
                while (stages.failure() == null) {
                    Thread.sleep(500);
                }
                collector.interrupt();
            } catch (InterruptedException ignored) {
                // collection finished first
            }
        }, "run-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            return new ResultsCollector(broker.connection().bootstrapServers(), Topics.RESULTS.name(), fromStart,
                    CollectProgress.printingTo(err::println, expected.size()))
                    .collect(sink, expected);
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.interrupted();
            throw new IllegalStateException("a pipeline stage failed: " + stages.failure(), e);
        } finally {
            watchdog.interrupt();
            watchdog.join();
            if (stages.failure() != null) {
                Thread.interrupted();
                throw new IllegalStateException("a pipeline stage failed: " + stages.failure());
            }
        }
    }

    private void explain(SubmissionSink sink, List<String> expected, List<ImageRow> train, List<ImageRow> test,
                         Path trainFolder, Path testFolder, Path dir) throws IOException {
        List<Result> results = expected.stream().map(sink::result).flatMap(Optional::stream).toList();
        ExplainReport pictures = Explainer.explainAll(settings, results, byId(train), byId(test), trainFolder,
                testFolder, dir);
        err.printf("explain: %d pictures in %s%n", pictures.written().size(), dir);
        pictures.skipped().forEach(s -> err.println("  no picture: " + s));
    }

    private static Map<String, ImageRow> byId(List<ImageRow> rows) {
        return rows.stream().collect(Collectors.toMap(ImageRow::id, r -> r, (a, b) -> a));
    }

    private static GapReport score(SubmissionSink sink, List<String> expected, Path solution) throws IOException {
        Map<String, Set<String>> truth = SolutionCsv.read(solution);
        List<Prediction> predictions = new ArrayList<>();
        for (String id : expected) {
            sink.prediction(id).ifPresent(predictions::add);
        }
        return Gap.compute(predictions, truth);
    }
}
