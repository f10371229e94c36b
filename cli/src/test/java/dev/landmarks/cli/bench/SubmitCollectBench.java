package dev.landmarks.cli.bench;

import dev.landmarks.cli.Main;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of {@code submit} and {@code collect} on the in-process broker, for docs/cli.md (not a test: timings
 * are printed, never asserted). Writes a test.csv of N http URLs, submits it, publishes N results in one
 * transaction, and collects them with --expect. Run after building the module's tests:
 * {@code java -cp "cli/target/test-classes:cli/target/classes:cli/target/lib/*" dev.landmarks.cli.bench.SubmitCollectBench 50000}
 */
public final class SubmitCollectBench {
    private SubmitCollectBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dir = Files.createTempDirectory("landmarks-bench-");
        Path csv = dir.resolve("test.csv");
        writeTestCsv(csv, n);
        try (InProcessKafka kafka = InProcessKafka.start()) {
            kafka.createTopics(Topics.ALL);
            long t0 = System.nanoTime();
            int submitCode = landmarks("submit", csv.toString(), "--bootstrap-servers", kafka.bootstrapServers());
            report("submit", n, t0, submitCode);

            try (KafkaProducer<String, Result> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-results"),
                    Topics.RESULTS.keySerde().serializer(), Topics.RESULTS.valueSerde().serializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < n; i++) {
                    String id = id(i);
                    producer.send(new ProducerRecord<>(Topics.RESULTS.name(), id, Result.newBuilder().setImageId(id)
                            .setStatus(Result.Status.RECOGNIZED).setLandmarkId("l" + (i % 1000)).setScore(i / (float) n)
                            .build()));
                }
                producer.commitTransaction();
            }
            long t1 = System.nanoTime();
            int collectCode = landmarks("collect", "--out", dir.resolve("submission.csv").toString(),
                    "--expect", csv.toString(), "--bootstrap-servers", kafka.bootstrapServers());
            report("collect", n, t1, collectCode);
        }
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "%016x", i * 2654435761L);
    }

    private static void writeTestCsv(Path csv, int n) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write("id,url\n");
            for (int i = 0; i < n; i++) {
                w.write(id(i) + ",https://images.example.org/" + id(i) + ".jpg\n");
            }
        }
    }

    private static int landmarks(String... args) {
        return Main.run(Settings.of(Map.of()), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    private static void report(String what, int n, long startNanos, int code) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH %s: %d records in %.2f s (%.0f/s), exit %d%n", what, n, s, n / s, code);
    }
}
