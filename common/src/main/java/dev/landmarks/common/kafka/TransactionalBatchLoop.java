package dev.landmarks.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link BatchHandler} over a topic with exactly-once semantics: each poll is one transaction holding the
 * handler's output and the consumed offsets, so a crash anywhere re-reads the batch and the aborted output is never
 * seen by read_committed consumers. Instances with the same group id split the partitions; a rebalance or restart
 * resumes at the last committed batch.
 *
 * <p>Why a plain loop rather than Kafka Streams: batch stages want one model call per poll (a batched tensor), and
 * need neither joins nor state.
 *
 * <p>An optional {@link Observer} hears of every committed batch and of the loop's end, so a shell can count records
 * and time batches without the handler knowing; {@link #recordsLagMax()} exposes the consumer's lag.
 */
public final class TransactionalBatchLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalBatchLoop.class);
    /** Longest a batch may take from its first output to its commit (override: transaction.timeout.ms). */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(5);
    /** The consumer's own metric (group consumer-fetch-manager-metrics): largest lag over its recent fetches. */
    static final String LAG_METRIC = "records-lag-max";

    /**
     * Told what the loop did, on the loop's thread: after each commit, and once when the loop ends. Must be quick
     * and must not throw (an exception from {@code committed} would stop the loop like a handler failure, after the
     * commit).
     */
    public interface Observer {
        /**
         * A batch was committed.
         *
         * @param batch    the records consumed
         * @param outputs  every record the handler returned (all published in the same transaction)
         * @param handling time spent in the handler alone (not sending or committing)
         */
        void committed(List<ConsumerRecord<byte[], byte[]>> batch, List<ProducerRecord<byte[], byte[]>> outputs,
                       Duration handling);

        /** The loop ended: {@code failure} is null after {@link #close()}, else the error that stopped it. */
        default void stopped(Throwable failure) {
        }
    }

    private static final Observer NO_OBSERVER = (batch, outputs, handling) -> {
    };

    private final LoopConfig config;
    private final BatchHandler handler;
    private final Observer observer;
    private final Metric lagMax;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong consumed = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Throwable failure;
    private Thread thread;

    public TransactionalBatchLoop(LoopConfig config, BatchHandler handler) {
        this(config, handler, NO_OBSERVER);
    }

    public TransactionalBatchLoop(LoopConfig config, BatchHandler handler, Observer observer) {
        this.config = config;
        this.handler = handler;
        this.observer = observer;
        this.consumer = new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer());
        this.lagMax = findLagMetric(consumer.metrics());
    }

    /** The client-wide records-lag-max (not one of its per-topic or per-partition twins); null if absent. */
    private static Metric findLagMetric(Map<MetricName, ? extends Metric> metrics) {
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName name = e.getKey();
            if (name.name().equals(LAG_METRIC) && !name.tags().containsKey("topic")
                    && !name.tags().containsKey("partition")) {
                return e.getValue();
            }
        }
        return null;
    }

    static Map<String, Object> consumerProperties(LoopConfig c) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, c.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, c.maxBatch());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, c.groupId() + "-consumer-" + UUID.randomUUID().toString().substring(0, 8));
        c.clientOverrides().forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    static Map<String, Object> producerProperties(LoopConfig c) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        // Fencing of zombies comes from the consumer group metadata sent with the offsets (KIP-447),
        // so each instance can use a unique transactional id.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, c.groupId() + "-" + UUID.randomUUID());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        // One transaction spans a whole batch of model calls (DELF on a CPU: about a second an image); the
        // client default of 60 s would let the broker abort a slow but healthy batch.
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        c.clientOverrides().forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        return p;
    }

    /** Starts consuming on a thread of its own. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        producer.initTransactions();
        consumer.subscribe(List.of(config.inputTopic()));
        thread = new Thread(this::runLoop, "batch-" + config.groupId());
        thread.start();
    }

    /** Records handled and committed so far by this instance. */
    public long consumed() {
        return consumed.get();
    }

    /** The error that stopped the loop, or null while it runs or after a clean stop. */
    public Throwable failure() {
        return failure;
    }

    /**
     * The consumer's records-lag-max: the most records any assigned partition was behind its end at the recent
     * fetches (Kafka's sampled window), NaN before the first fetch. Safe to call from any thread.
     */
    public double recordsLagMax() {
        if (lagMax == null) {
            return Double.NaN;
        }
        Object value = lagMax.metricValue();
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public boolean isRunning() {
        return running && stopped.getCount() > 0;
    }

    private void runLoop() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(config.pollTimeout());
                } catch (WakeupException e) {
                    break;
                }
                if (!records.isEmpty()) {
                    processInTransaction(records);
                }
            }
        } catch (Throwable t) {
            failure = t;
            LOG.error("batch loop {} on {} stopped: {}", config.groupId(), config.inputTopic(), t.toString(), t);
        } finally {
            running = false;
            try {
                closeClients();
            } finally {
                notifyStopped();
                stopped.countDown();
            }
        }
    }

    private void processInTransaction(ConsumerRecords<byte[], byte[]> records) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        producer.beginTransaction();
        List<ProducerRecord<byte[], byte[]>> outputs;
        long handlingNanos;
        try {
            long start = System.nanoTime();
            outputs = handler.handle(batch);
            handlingNanos = System.nanoTime() - start;
            for (ProducerRecord<byte[], byte[]> out : outputs) {
                producer.send(out);
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            consumed.addAndGet(batch.size());
        } catch (Exception | Error e) {
            // Nothing of this batch is visible and its offsets are not committed: stop, so a restart re-reads it.
            // Errors too (out of memory in a send): an open transaction would hold read_committed readers back until
            // it times out.
            abortQuietly();
            throw e;
        }
        observer.committed(batch, outputs, Duration.ofNanos(handlingNanos));
    }

    private void notifyStopped() {
        try {
            observer.stopped(failure);
        } catch (RuntimeException e) {
            LOG.warn("batch loop {}: observer failed on stop: {}", config.groupId(), e.toString());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> part = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.warn("could not abort the transaction: {}", e.toString());
        }
    }

    private void closeClients() {
        try {
            consumer.close();
        } finally {
            producer.close();
        }
    }

    /** Finishes the batch in hand (committing it), then stops and closes the clients. */
    @Override
    public void close() {
        running = false;
        if (thread == null) {
            closeClients();
            return;
        }
        consumer.wakeup();
        try {
            if (!stopped.await(60, TimeUnit.SECONDS)) {
                LOG.warn("batch loop {} did not stop within 60 s", config.groupId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
