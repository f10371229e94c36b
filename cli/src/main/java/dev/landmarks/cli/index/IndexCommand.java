package dev.landmarks.cli.index;

import dev.landmarks.cli.Main;
import dev.landmarks.cli.csv.ImageListCsv;
import dev.landmarks.cli.kafka.BrokerOptions;
import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.cli.progress.ProgressPrinter;
import dev.landmarks.delf.features.FeaturesConfig;
import dev.landmarks.delf.features.LocalFeatureExtractors;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code landmarks index TRAIN.csv}: builds or updates the reference index on landmark.references. */
@Command(name = "index", sortOptions = false,
        description = {"Fetch and extract the reference photos of a train.csv (up to N per landmark, chosen by image id)",
                "and publish them to landmark.references. Re-running with the same input publishes nothing;",
                "photos no longer selected are tombstoned."})
public final class IndexCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TRAIN.csv", description = "Reference photos: id,url,landmark_id.")
    private Path train;
    @Option(names = "--per-landmark", paramLabel = "N", description = "References per landmark (setting index.per-landmark, default 20).")
    private Integer perLandmark;
    @Mixin
    private BrokerOptions broker;

    @Override
    public Integer call() throws Exception {
        KafkaConnection kafka = broker.connection(main.settings()).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "index needs a broker: give --bootstrap-servers HOST:PORT "
                + "('landmarks run' indexes into its own in-process broker)."));
        Map<String, String> given = new HashMap<>();
        if (perLandmark != null) {
            given.put("index.per-landmark", perLandmark.toString());
        }
        var settings = main.settings().with(given);
        Path folder = train.toAbsolutePath().normalize().getParent();
        IngestConfig c = IngestConfig.from(settings);
        FeaturesConfig features = FeaturesConfig.from(settings);
        try (ImageIngestor ingestor = new ImageIngestor(new IngestConfig(c.fetch().withLocalRoot(folder), c.image()))) {
            IndexReport report = new ReferenceIndexer(kafka, IndexConfig.from(settings), ingestor, () -> {
                try {
                    return LocalFeatureExtractors.create(features);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, new ProgressPrinter(spec.commandLine().getErr(), Duration.ofSeconds(2)))
                    .index(ImageListCsv.read(train), folder);
            spec.commandLine().getOut().println(report.describe());
            report.failures().forEach(f -> spec.commandLine().getErr().println("  failed: " + f));
            return 0;
        }
    }
}
