package dev.landmarks.it.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** What the group coordinator says about a consumer group: who is in it and which partitions each member holds. */
public final class ConsumerGroups {
    private ConsumerGroups() {
    }

    /**
     * Waits until {@code group} is stable with exactly {@code members} members that each hold at least one partition.
     *
     * @return partitions per member client id
     */
    public static Map<String, Set<TopicPartition>> awaitStable(String bootstrapServers, String group, int members,
                                                               Duration deadline) throws InterruptedException {
        AtomicReference<Map<String, Set<TopicPartition>>> last = new AtomicReference<>(Map.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Await.until("group " + group + " is stable with " + members + " members holding partitions", deadline,
                    () -> {
                ConsumerGroupDescription d = describe(admin, group);
                if (d == null || d.groupState() != GroupState.STABLE || d.members().size() != members) {
                    return false;
                }
                Map<String, Set<TopicPartition>> byMember = new TreeMap<>();
                for (MemberDescription m : d.members()) {
                    byMember.put(m.clientId(), m.assignment().topicPartitions());
                }
                last.set(byMember);
                return byMember.values().stream().noneMatch(Set::isEmpty);
            });
        }
        return last.get();
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) {
        try {
            return admin.describeConsumerGroups(java.util.List.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null; // the coordinator may not know the group yet: look again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
