package dev.landmarks.cli.run;

import dev.landmarks.cli.kafka.KafkaConnection;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What `landmarks run` was asked to do.
 *
 * @param train    Kaggle train.csv (id,url,landmark_id): the reference photos
 * @param test     Kaggle test.csv (id,url): the queries
 * @param out      the submission to write; the report goes beside it
 * @param solution truth (id,landmarks) to score the submission with, when known
 * @param kafka    an existing cluster, or empty for a broker in this JVM
 * @param explain  folder for one PNG per query showing the match behind its answer, when wanted
 */
public record RunOptions(Path train, Path test, Path out, Optional<Path> solution, Optional<KafkaConnection> kafka,
                         Optional<Path> explain) {
    /** Report file beside the submission: "submission.csv" -> "submission.report.md". */
    public Path reportPath() {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + ".report.md");
    }
}
