package dev.landmarks.it.crash;

import dev.landmarks.common.kafka.BatchHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test decorator: lets the real handler run on every batch, and on the k-th batch, after the real handler has
 * produced its outputs (the model ran), throws {@link InjectedFailure} instead of returning them: a service killed
 * between consuming and producing. The batch loop then aborts the transaction and dies.
 */
public final class CrashingHandler implements BatchHandler {
    private final BatchHandler real;
    private final int crashOnBatch;
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger recordsBeforeCrash = new AtomicInteger();
    private volatile int crashedBatchSize = -1;
    private volatile int crashedBatchOutputs = -1;

    /** @param crashOnBatch 1-based number of the batch that crashes */
    public CrashingHandler(BatchHandler real, int crashOnBatch) {
        if (crashOnBatch < 1) {
            throw new IllegalArgumentException("crashOnBatch must be >= 1, was " + crashOnBatch);
        }
        this.real = real;
        this.crashOnBatch = crashOnBatch;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws Exception {
        List<ProducerRecord<byte[], byte[]>> outputs = real.handle(batch);
        int n = batches.incrementAndGet();
        if (n == crashOnBatch) {
            crashedBatchSize = batch.size();
            crashedBatchOutputs = outputs.size();
            throw new InjectedFailure("injected crash after the real handler answered batch " + n + " ("
                    + batch.size() + " records, " + outputs.size() + " outputs)");
        }
        if (n < crashOnBatch) {
            recordsBeforeCrash.addAndGet(batch.size());
        }
        return outputs;
    }

    /** Records of the batches handled before the crash. */
    public int recordsBeforeCrash() {
        return recordsBeforeCrash.get();
    }

    /** Records of the batch that crashed, or -1 before the crash. */
    public int crashedBatchSize() {
        return crashedBatchSize;
    }

    /** Outputs the real handler had produced for the batch that crashed, or -1 before the crash. */
    public int crashedBatchOutputs() {
        return crashedBatchOutputs;
    }
}
