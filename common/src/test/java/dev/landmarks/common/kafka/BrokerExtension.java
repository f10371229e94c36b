package dev.landmarks.common.kafka;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real in-process broker for all tests of a class: {@code @RegisterExtension static final BrokerExtension broker
 * = new BrokerExtension();} starts it before the class' {@code @BeforeAll} methods and closes it after the last test.
 */
public final class BrokerExtension implements BeforeAllCallback, AfterAllCallback {
    private InProcessKafka kafka;

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = InProcessKafka.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kafka.close();
    }

    public InProcessKafka kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
