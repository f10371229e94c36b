package dev.landmarks.common.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicCreatorTest {
    static InProcessKafka kafka;
    static Admin admin;

    @BeforeAll
    static void start() {
        kafka = InProcessKafka.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close();
        kafka.close();
    }

    @Test
    void createsEveryCatalogTopicOnceAndLeavesThemAloneTheSecondTime() throws Exception {
        TopicCreator creator = new TopicCreator(admin, (short) 1);
        Set<String> first = creator.ensure(Topics.ALL);
        Set<String> expected = Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet());
        assertEquals(expected, first);

        Set<String> second = creator.ensure(Topics.ALL);
        assertEquals(Set.of(), second, "a second run must create nothing");

        Map<String, TopicDescription> described = admin.describeTopics(expected).allTopicNames().get();
        for (Topic<?, ?> topic : Topics.ALL) {
            assertEquals(topic.partitions(), described.get(topic.name()).partitions().size(), topic.name());
        }
        ConfigResource refs = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REFERENCES.name());
        String policy = admin.describeConfigs(List.of(refs)).all().get().get(refs)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        assertTrue(policy.contains("compact"), "references must be compacted, was " + policy);
    }
}
