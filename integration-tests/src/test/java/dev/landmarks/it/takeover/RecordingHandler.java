package dev.landmarks.it.takeover;

import dev.landmarks.common.kafka.BatchHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * Test decorator around a real handler: remembers the input partition of every record it was handed (in order), and
 * opens a latch when it is first handed a record whose key is {@code marked} (so the scenario knows an instance is
 * in the middle of the second wave without polling its counters).
 */
final class RecordingHandler implements BatchHandler {
    private final BatchHandler real;
    private final Predicate<String> marked;
    private final CountDownLatch sawMarked = new CountDownLatch(1);
    private final List<Integer> partitions = new ArrayList<>();

    RecordingHandler(BatchHandler real, Predicate<String> marked) {
        this.real = real;
        this.marked = marked;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws Exception {
        synchronized (this) {
            for (ConsumerRecord<byte[], byte[]> r : batch) {
                partitions.add(r.partition());
                if (r.key() != null && marked.test(new String(r.key(), StandardCharsets.UTF_8))) {
                    sawMarked.countDown();
                }
            }
        }
        return real.handle(batch);
    }

    CountDownLatch sawMarked() {
        return sawMarked;
    }

    /** Records handed over so far. */
    synchronized int handled() {
        return partitions.size();
    }

    /** Input partitions of the records handed over from position {@code from} on. */
    synchronized Set<Integer> partitionsFrom(int from) {
        return new TreeSet<>(partitions.subList(from, partitions.size()));
    }
}
