package dev.landmarks.cli.sink;

import dev.landmarks.cli.ExitCodes;
import dev.landmarks.cli.Main;
import dev.landmarks.cli.csv.ImageListCsv;
import dev.landmarks.cli.kafka.BrokerOptions;
import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.common.kafka.Topic;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.sink.CollectConfig;
import dev.landmarks.sink.CollectOutcome;
import dev.landmarks.sink.ResultsCollector;
import dev.landmarks.sink.SinkSummary;
import dev.landmarks.sink.SubmissionSink;
import dev.landmarks.proto.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code landmarks collect --out submission.csv}: reads landmark.results into a {@link SubmissionSink} with a
 * {@link ResultsCollector} and writes the Kaggle submission, one row per id, in --expect's order or sorted by id.
 */
@Command(name = "collect", sortOptions = false,
        description = {"Consume landmark.results and write a Kaggle submission (id,landmarks).",
                "One row per request id (the first result wins; duplicates are counted), "
                        + "in the order of --expect's CSV, else sorted by id."})
public final class CollectCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "SUBMISSION.csv", description = "Submission file to write.")
    private Path out;
    @Mixin
    private BrokerOptions broker;
    @Option(names = "--expect", paramLabel = "TEST.csv",
            description = "CSV with an id column (test.csv): wait until each of its ids has a result, write rows in its order.")
    private Path expect;
    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Stop waiting after this long, e.g. 90s, 10m, PT1H (setting " + CollectConfig.TIMEOUT
                    + ", default 10m).")
    private String timeout;
    @Option(names = "--from", paramLabel = "earliest|latest",
            description = "Read results from the start of the topic or only new ones (setting " + CollectConfig.FROM
                    + ", default earliest).")
    private String from;
    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic to read (default: ${DEFAULT-VALUE}).")
    private String topic = Topics.RESULTS.name();

    @Override
    public Integer call() throws Exception {
        KafkaConnection kafka = broker.connection(main.settings()).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "collect needs a broker: give --bootstrap-servers HOST:PORT (or set "
                + "LANDMARKS_KAFKA_BOOTSTRAP_SERVERS). 'landmarks run' writes the submission itself."));
        CollectConfig config = CollectConfig.from(main.settings().with(givenSettings()));
        List<String> expected = expect == null ? List.of() : ImageListCsv.readIds(expect);
        kafka.ensureTopics(List.of(resultTopic()));

        PrintWriter err = spec.commandLine().getErr();
        SubmissionSink sink = SubmissionSink.from(main.settings().with(givenSettings()));
        CollectOutcome outcome = new ResultsCollector(kafka.bootstrapServers(), topic, config,
                CollectProgress.printingTo(err::println, expected.size())).collect(sink, expected);
        List<String> rows = expected.isEmpty() ? sink.sortedIds() : expected;
        sink.write(out, rows);

        PrintWriter o = spec.commandLine().getOut();
        long predicted = rows.stream().filter(id -> sink.prediction(id).isPresent()).count();
        o.printf(Locale.ROOT, "wrote %s: %d rows, %d with a landmark (%.1f s)%n", out, rows.size(), predicted,
                outcome.elapsed().toMillis() / 1000.0);
        SinkSummary summary = sink.summary();
        o.println(summary.describe());
        if (outcome.unreadable() > 0) {
            err.printf("warning: %d records on %s were not readable results (skipped)%n", outcome.unreadable(), topic);
        }
        if (outcome.unexpected() > 0) {
            err.printf("warning: %d results for ids not in %s were left out%n", outcome.unexpected(), expect);
        }
        if (!outcome.complete()) {
            if (expected.isEmpty()) {
                err.printf("timed out after %s before reaching the end of %s%n", config.timeout(), topic);
            } else {
                List<String> missing = outcome.missing();
                err.printf("timed out after %s: %d of %d expected ids have no result (written with an empty value): %s%n",
                        config.timeout(), missing.size(), expected.size(), preview(missing));
            }
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    private Map<String, String> givenSettings() {
        Map<String, String> given = new HashMap<>();
        if (timeout != null) {
            given.put(CollectConfig.TIMEOUT, timeout);
        }
        if (from != null) {
            given.put(CollectConfig.FROM, from);
        }
        return given;
    }

    private Topic<String, Result> resultTopic() {
        Topic<String, Result> r = Topics.RESULTS;
        return topic.equals(r.name()) ? r : new Topic<>(topic, r.keySerde(), r.valueSerde(), r.partitions(), r.compacted());
    }

    /** The first few ids, enough to look into without flooding the terminal. */
    private static String preview(List<String> ids) {
        int shown = Math.min(ids.size(), 10);
        return String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? ", ..." : "");
    }
}
