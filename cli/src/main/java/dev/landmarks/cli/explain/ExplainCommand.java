package dev.landmarks.cli.explain;

import dev.landmarks.cli.ExitCodes;
import dev.landmarks.cli.Main;
import dev.landmarks.cli.run.PipelineRun;
import dev.landmarks.cli.csv.ImageListCsv;
import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.cli.run.DemoCommand;
import dev.landmarks.common.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code landmarks explain QUERY_IMAGE}: recognises one photo against the references of a train.csv by brute-force
 * verification ({@link ReferenceSearch}), prints the answer and the best landmarks, and writes a PNG of the query
 * beside the chosen reference with the inlier correspondences drawn ({@link Explainer}).
 */
@Command(name = "explain", sortOptions = false,
        description = {"Recognise one photo against train.csv's references and draw why: a PNG with the query beside",
                "the matched reference, inlier correspondences in green, the landmark, inliers and score."})
public final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY_IMAGE", description = "The photo to explain (JPEG, PNG ...).")
    private Path query;
    @Option(names = "--train", paramLabel = "TRAIN.csv",
            description = "References: id,url,landmark_id (default: <repo>/sample/train.csv).")
    private Path train;
    @Option(names = "--out", paramLabel = "PNG", description = "Picture to write (default: <query name>.explain.png).")
    private Path out;
    @Option(names = "--top", paramLabel = "N", defaultValue = "3",
            description = "Landmarks to list, most inliers first (default: ${DEFAULT-VALUE}).")
    private int top;

    @Override
    public Integer call() throws Exception {
        Settings settings = main.settings();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(query)) {
            throw new NoSuchFileException(query.toString());
        }
        Path trainCsv = train != null ? train
                : settings.path(DemoCommand.HOME).orElse(Path.of("")).toAbsolutePath().resolve("sample/train.csv");
        if (!Files.isRegularFile(trainCsv)) {
            throw new NoSuchFileException(trainCsv.toString());
        }
        Path queryFile = query.toAbsolutePath().normalize();
        Path trainFolder = trainCsv.toAbsolutePath().normalize().getParent();
        List<ImageRow> rows = ImageListCsv.read(trainCsv);
        Map<String, ImageRow> trainById = new LinkedHashMap<>();
        rows.forEach(r -> trainById.putIfAbsent(r.id(), r));
        Path png = out != null ? out : Path.of(stem(queryFile) + ".explain.png");

        try (Explainer explainer = new Explainer(settings, PipelineRun.commonRoot(queryFile.getParent(), trainFolder))) {
            Photo photo = explainer.query(stem(queryFile), queryFile.toString(), queryFile.getParent());
            ReferenceSearch.Outcome found = ReferenceSearch.search(explainer, settings, photo, rows, trainFolder);
            found.failures().forEach(f -> err.println("reference skipped: " + f));
            explainer.write(explainer.draw(photo, found.answer(), trainById, trainFolder), png);
            Answer a = found.answer();
            if (a.recognised()) {
                o.printf(Locale.ROOT, "%s: %s (reference %s), %d inliers, score %.3f%n", a.queryId(), a.landmarkId(),
                        a.referenceImageId(), a.inliers(), a.score());
            } else if (!a.landmarkId().isEmpty()) {
                o.printf("%s: no landmark (best: %s, %d inliers)%n", a.queryId(), a.landmarkId(), a.inliers());
            } else {
                o.printf("%s: no landmark%n", a.queryId());
            }
            found.verdicts().stream().limit(Math.max(0, top)).forEach(v -> o.printf(
                    "  %-24s %4d inliers (reference %s)%n", v.landmarkId(), v.inliers(), v.referenceImageId()));
            o.printf("wrote %s%n", png);
        }
        return ExitCodes.OK;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
