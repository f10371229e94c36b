package dev.landmarks.cli.run;

import dev.landmarks.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code landmarks demo}: {@code run} on the sample bundled in the repository (sample/, redistributable photos with
 * their attribution), with an in-process broker, writing out/demo/submission.csv and printing GAP.
 */
@Command(name = "demo", sortOptions = false,
        description = {"Run the pipeline on the bundled sample (sample/train.csv, sample/test.csv) with an in-process",
                "Kafka broker; writes out/demo/submission.csv and its report, prints GAP. No arguments needed."})
public final class DemoCommand implements Callable<Integer> {
    /** Setting naming the repository root; the launcher passes it, else the working directory is used. */
    public static final String HOME = "home";

    @ParentCommand
    private Main main;
    @Spec
    private CommandSpec spec;

    @Option(names = "--sample", paramLabel = "DIR", description = "Folder with train.csv, test.csv, solution.csv (default: <repo>/sample).")
    private Path sample;
    @Option(names = "--out", paramLabel = "SUBMISSION.csv", description = "Submission to write (default: <repo>/out/demo/submission.csv).")
    private Path out;

    @Option(names = "--explain", paramLabel = "DIR", description = "Write a PNG per query explaining its answer into DIR.")
    private Path explain;

    @Override
    public Integer call() throws Exception {
        Path home = main.settings().path(HOME).orElse(Path.of("")).toAbsolutePath();
        Path dir = sample != null ? sample : home.resolve("sample");
        if (!Files.isRegularFile(dir.resolve("train.csv"))) {
            throw new IllegalArgumentException("no sample found at " + dir + " (expected train.csv, test.csv, solution.csv)");
        }
        Path submission = out != null ? out : home.resolve("out/demo/submission.csv");
        Path solution = dir.resolve("solution.csv");
        RunOptions options = new RunOptions(dir.resolve("train.csv"), dir.resolve("test.csv"), submission,
                Files.isRegularFile(solution) ? Optional.of(solution) : Optional.empty(), Optional.empty(),
                Optional.ofNullable(explain));
        return RunCommand.execute(main, spec, options);
    }
}
