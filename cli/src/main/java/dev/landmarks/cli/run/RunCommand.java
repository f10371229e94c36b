package dev.landmarks.cli.run;

import dev.landmarks.cli.ExitCodes;
import dev.landmarks.cli.Main;
import dev.landmarks.cli.kafka.BrokerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code landmarks run}: the whole pipeline in one JVM over a Kaggle train.csv / test.csv. */
@Command(name = "run", sortOptions = false,
        description = {"Run the whole pipeline in this JVM: index train.csv, stream test.csv through ingest, features,",
                "candidates and verification, write the submission (and a report beside it).",
                "Starts an in-process Kafka broker unless --bootstrap-servers is given."})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;
    @Spec
    private CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "TRAIN.csv", description = "Reference photos: id,url,landmark_id.")
    private Path train;
    @Option(names = "--test", required = true, paramLabel = "TEST.csv", description = "Query photos: id,url.")
    private Path test;
    @Option(names = "--out", required = true, paramLabel = "SUBMISSION.csv", description = "Submission to write.")
    private Path out;
    @Option(names = "--solution", paramLabel = "SOLUTION.csv", description = "Truth (id,landmarks): print GAP.")
    private Path solution;
    @Option(names = "--explain", paramLabel = "DIR", description = "Write a PNG per query explaining its answer into DIR.")
    private Path explain;
    @Mixin
    private BrokerOptions broker;

    @Override
    public Integer call() throws Exception {
        RunOptions options = new RunOptions(train, test, out, Optional.ofNullable(solution),
                broker.connection(main.settings()), Optional.ofNullable(explain));
        return execute(main, spec, options);
    }

    static int execute(Main main, CommandSpec spec, RunOptions options) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        RunSummary summary = new PipelineRun(main.settings(), err).execute(options);
        o.printf("wrote %s (%d rows) and %s%n", options.out(), summary.expected().size(), options.reportPath());
        summary.outcomes().forEach((k, v) -> o.printf("  %-28s %d%n", k, v));
        summary.gap().ifPresent(g -> g.lines().forEach(o::println));
        o.printf(java.util.Locale.ROOT, "wall time %.1f s (%.2f s per query)%n", summary.wallSeconds(),
                summary.wallSeconds() / Math.max(1, summary.expected().size()));
        if (!summary.complete()) {
            err.printf("incomplete: %d test ids have no result%n", summary.collected().missing().size());
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }
}
