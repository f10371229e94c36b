package dev.landmarks.cli.kafka;

import dev.landmarks.common.config.Settings;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code --bootstrap-servers} option shared by every command that talks to a broker. */
public final class BrokerOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka brokers, comma separated (setting " + KafkaConnection.BOOTSTRAP_SERVERS
                    + ", env LANDMARKS_KAFKA_BOOTSTRAP_SERVERS).")
    private String bootstrapServers;

    /** The connection from this option, else from the settings; empty when neither names a broker. */
    public Optional<KafkaConnection> connection(Settings settings) {
        Map<String, String> given = new HashMap<>();
        if (bootstrapServers != null) {
            given.put(KafkaConnection.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return KafkaConnection.from(settings.with(given));
    }
}
