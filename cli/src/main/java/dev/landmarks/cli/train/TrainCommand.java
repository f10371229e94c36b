package dev.landmarks.cli.train;

import dev.landmarks.classifier.train.TrainConfig;
import dev.landmarks.classifier.train.Trainer;
import dev.landmarks.classifier.train.TrainingExample;
import dev.landmarks.classifier.train.TrainingResult;
import dev.landmarks.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code landmarks train TRAIN.csv --out MODEL_DIR [--backbone SAVEDMODEL]}: trains a CNN classifier (a head on a
 * frozen backbone, or a small network from scratch) and exports one SavedModel with its label map, which
 * classifier-service serves. Per-epoch progress on stderr.
 */
@Command(name = "train", sortOptions = false,
        description = {"Train a CNN landmark classifier on a train.csv (id,url,landmark_id with local image paths) and",
                "export it as one SavedModel + labels.txt. With --backbone, a head is trained on the frozen backbone's",
                "features; without, a small CNN is trained from scratch. Settings: train.* (docs/classifier.md)."})
public final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TRAIN.csv", description = "Training photos: id,url,landmark_id (url relative to the CSV).")
    private Path train;
    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Empty or new folder for the exported model.")
    private Path out;
    @Option(names = "--backbone", paramLabel = "SAVEDMODEL", description = "A SavedModel without its top (e.g. Keras VGG16) to train a head on.")
    private Path backbone;

    @Override
    public Integer call() throws Exception {
        List<TrainingExample> examples = TrainingExample.readCsv(train);
        PrintStream progress = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                spec.commandLine().getErr().write(b);
            }

            @Override
            public void flush() {
                spec.commandLine().getErr().flush();
            }
        }, true, StandardCharsets.UTF_8);
        try (TrainingResult result = new Trainer(TrainConfig.from(main.settings()), progress)
                .train(examples, Optional.ofNullable(backbone), out)) {
            spec.commandLine().getOut().printf("exported %s: %d landmarks, best epoch %d of %d%n", result.modelDir(),
                    result.labels().size(), result.bestEpoch(), result.epochs().size());
        }
        return 0;
    }
}
