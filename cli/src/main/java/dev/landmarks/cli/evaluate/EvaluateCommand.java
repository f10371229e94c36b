package dev.landmarks.cli.evaluate;

import dev.landmarks.cli.ExitCodes;
import dev.landmarks.cli.submission.SolutionCsv;
import dev.landmarks.cli.submission.SubmissionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code landmarks evaluate SUBMISSION.csv SOLUTION.csv}: scores a submission with {@link Gap} and prints the report. */
@Command(name = "evaluate",
        description = {"Score a Kaggle submission: GAP (Global Average Precision), top-1 accuracy, "
                + "and how many photos without a landmark received a prediction.",
                "The first line of output is 'GAP <value>'."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBMISSION.csv", description = "id,landmarks with '<landmark_id> <score>' or empty.")
    private Path submission;
    @Parameters(index = "1", paramLabel = "SOLUTION.csv",
            description = "id,landmarks with the correct landmark ids (space separated), empty for no landmark.")
    private Path solution;

    @Override
    public Integer call() throws Exception {
        SubmissionReader.Contents contents = SubmissionReader.read(submission);
        Map<String, Set<String>> truth = SolutionCsv.read(solution);
        GapReport report = Gap.compute(contents.predictions(), truth);

        PrintWriter out = spec.commandLine().getOut();
        report.lines().forEach(out::println);

        PrintWriter err = spec.commandLine().getErr();
        if (!contents.repeatedIds().isEmpty()) {
            err.printf("warning: %d ids appear more than once in %s; only their first row was scored%n",
                    contents.repeatedIds().size(), submission);
        }
        // sets on both sides: Set.removeAll(List) may call List.contains for every element (quadratic)
        Set<String> submitted = new HashSet<>(contents.ids());
        long unknown = submitted.stream().filter(id -> !truth.containsKey(id)).count();
        if (unknown > 0) {
            err.printf("warning: %d ids of %s are not in %s and were not scored%n", unknown, submission, solution);
        }
        long absent = truth.keySet().stream().filter(id -> !submitted.contains(id)).count();
        if (absent > 0) {
            err.printf("warning: %d ids of %s have no row in %s (scored as no prediction)%n", absent, solution, submission);
        }
        return ExitCodes.OK;
    }
}
