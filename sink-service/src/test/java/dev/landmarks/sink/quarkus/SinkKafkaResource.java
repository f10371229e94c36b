package dev.landmarks.sink.quarkus;

import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.quarkus.testing.InProcessKafkaTestResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The shared test broker, plus a fresh folder for the submission (in a subfolder the sink has to create) and short
 * write and poll intervals, so the file follows the topic within a fraction of a second.
 */
public class SinkKafkaResource extends InProcessKafkaTestResource {
    static final String OUT = "landmarks.sink.out";

    @Override
    protected Map<String, String> configure(InProcessKafka kafka) {
        try {
            String out = Files.createTempDirectory("sink-quarkus").resolve("out/submission.csv").toString();
            return Map.of(OUT, out, "landmarks.sink.write-interval", "100ms", "landmarks.sink.poll-timeout", "100ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
