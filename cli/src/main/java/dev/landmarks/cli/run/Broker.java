package dev.landmarks.cli.run;

import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.common.kafka.InProcessKafka;

import java.util.Optional;

/** The Kafka a one-JVM run talks to: the given cluster, or a broker started in this JVM and stopped on close. */
final class Broker implements AutoCloseable {
    private final KafkaConnection connection;
    private final InProcessKafka inProcess;

    private Broker(KafkaConnection connection, InProcessKafka inProcess) {
        this.connection = connection;
        this.inProcess = inProcess;
    }

    static Broker open(Optional<KafkaConnection> given) {
        if (given.isPresent()) {
            return new Broker(given.get(), null);
        }
        InProcessKafka kafka = InProcessKafka.start();
        return new Broker(new KafkaConnection(kafka.bootstrapServers(), (short) 1), kafka);
    }

    KafkaConnection connection() {
        return connection;
    }

    boolean inProcess() {
        return inProcess != null;
    }

    @Override
    public void close() {
        if (inProcess != null) {
            inProcess.close();
        }
    }
}
