package dev.landmarks.it.takeover;

import dev.landmarks.common.kafka.BatchHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test decorator: on the k-th batch, runs the real handler and then holds its answers until released, as an instance
 * frozen by a long pause (GC, a hung model call, a suspended container) after the work was done. Other batches pass
 * straight through.
 */
final class StallingHandler implements BatchHandler {
    private final BatchHandler real;
    private final int stallOnBatch;
    private final AtomicInteger batches = new AtomicInteger();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int stalledBatchSize = -1;

    StallingHandler(BatchHandler real, int stallOnBatch) {
        this.real = real;
        this.stallOnBatch = stallOnBatch;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws Exception {
        List<ProducerRecord<byte[], byte[]>> outputs = real.handle(batch);
        if (batches.incrementAndGet() == stallOnBatch) {
            stalledBatchSize = batch.size();
            stalled.countDown();
            release.await();
        }
        return outputs;
    }

    /** Opens when the stalled batch has been answered and is being held. */
    CountDownLatch stalled() {
        return stalled;
    }

    /** Lets the held answers go to the loop, which then tries to publish and commit them. */
    void release() {
        release.countDown();
    }

    int stalledBatchSize() {
        return stalledBatchSize;
    }
}
