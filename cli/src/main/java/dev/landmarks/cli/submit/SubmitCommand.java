package dev.landmarks.cli.submit;

import dev.landmarks.cli.ExitCodes;
import dev.landmarks.cli.Main;
import dev.landmarks.cli.csv.ImageListCsv;
import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.cli.kafka.BrokerOptions;
import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.common.kafka.Topic;
import dev.landmarks.common.kafka.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code landmarks submit FILE.csv}: publishes every row of a Kaggle train.csv/test.csv to landmark.requests
 * (key = id, value = URL, relative paths resolved against the CSV's folder) and prints how many went out.
 */
@Command(name = "submit", sortOptions = false,
        description = {"Publish the photos of a Kaggle train.csv/test.csv (id,url[,landmark_id]) as requests.",
                "Key = id, value = URL as plain text. Relative paths are resolved against the CSV's folder "
                        + "and sent as absolute file: URLs."})
public final class SubmitCommand implements Callable<Integer> {
    /** Batch records briefly: a CSV is published in one burst, and this cuts the requests to the broker. */
    private static final int LINGER_MS = 20;

    @ParentCommand
    private Main main;
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "Kaggle image list with columns id,url[,landmark_id].")
    private Path csv;
    @Mixin
    private BrokerOptions broker;
    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    private String topic = Topics.REQUESTS.name();

    @Override
    public Integer call() throws Exception {
        KafkaConnection kafka = broker.connection(main.settings()).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "submit needs a broker: give --bootstrap-servers HOST:PORT (or set "
                + "LANDMARKS_KAFKA_BOOTSTRAP_SERVERS). To run the whole pipeline in one JVM use 'landmarks run'."));
        List<ImageRow> rows = ImageListCsv.read(csv);
        Path folder = csv.toAbsolutePath().getParent();
        kafka.ensureTopics(List.of(requestTopic()));

        long start = System.nanoTime();
        PublishReport report;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(kafka),
                Topics.REQUESTS.keySerde().serializer(), Topics.REQUESTS.valueSerde().serializer())) {
            report = new RequestPublisher(producer, topic).publish(rows, folder);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "published %d of %d requests from %s to %s on %s in %.1f s "
                        + "(%d references with a landmark_id, %d local files)%n",
                report.published(), rows.size(), csv, topic, kafka.bootstrapServers(), seconds,
                report.references(), report.localFiles());
        if (report.withoutId() > 0) {
            err.printf("warning: %d rows have no id; ingest derives one from the URL%n", report.withoutId());
        }
        if (!report.missingLocalFiles().isEmpty()) {
            err.printf("warning: %d local files do not exist (ingest will answer FILE_NOT_FOUND), e.g. %s%n",
                    report.missingLocalFiles().size(), report.missingLocalFiles().get(0));
        }
        if (report.failed() > 0) {
            err.printf("error: %d requests were not accepted by the broker: %s%n", report.failed(), report.firstError());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private Topic<String, String> requestTopic() {
        Topic<String, String> r = Topics.REQUESTS;
        return topic.equals(r.name()) ? r : new Topic<>(topic, r.keySerde(), r.valueSerde(), r.partitions(), r.compacted());
    }

    private static Map<String, Object> producerProperties(KafkaConnection kafka) {
        Map<String, Object> p = kafka.clientProperties("landmarks-submit");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        return p;
    }
}
