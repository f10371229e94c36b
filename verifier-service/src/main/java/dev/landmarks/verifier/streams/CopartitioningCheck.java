package dev.landmarks.verifier.streams;

import dev.landmarks.common.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks, before the verifier starts, the partition counts its topology silently relies on: features and predictions
 * are paired without repartitioning (same count needed), and verification tasks are spread over
 * {@code verifier.reference-partitions} partitions that must match {@code landmark.references}. A mismatch would not
 * fail in Kafka Streams; it would lose pairs or verify against empty stores, so it fails here.
 */
public final class CopartitioningCheck {
    private CopartitioningCheck() {
    }

    /** @throws IllegalStateException naming the topics and counts when they do not line up */
    public static void verify(Admin admin, VerifierTopologyConfig config) {
        Map<String, TopicDescription> topics = describe(admin);
        int features = partitions(topics, Topics.FEATURES.name());
        int predictions = partitions(topics, Topics.PREDICTIONS.name());
        int references = partitions(topics, Topics.REFERENCES.name());
        if (features != predictions) {
            throw new IllegalStateException(Topics.FEATURES.name() + " has " + features + " partitions but "
                    + Topics.PREDICTIONS.name() + " has " + predictions + ": they are paired by image id without "
                    + "repartitioning and need the same count");
        }
        if (references != config.referencePartitions()) {
            throw new IllegalStateException(Topics.REFERENCES.name() + " has " + references + " partitions but "
                    + "verifier.reference-partitions is " + config.referencePartitions() + ": set it to " + references);
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin) {
        try {
            return admin.describeTopics(List.of(Topics.FEATURES.name(), Topics.PREDICTIONS.name(),
                    Topics.REFERENCES.name())).allTopicNames().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the verifier's input topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the verifier's input topics: " + e.getMessage(), e);
        }
    }

    private static int partitions(Map<String, TopicDescription> topics, String name) {
        return topics.get(name).partitions().size();
    }
}
