package dev.landmarks.it.stages;

import dev.landmarks.common.kafka.BatchHandler;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

/**
 * A batch service as the resilience scenarios drive it: the topic it consumes, the topic its answers land on, its
 * inputs, and its real handler, built afresh for each instance the way a newly started process builds it. Three
 * implementations: ingest, DELF features and the classifier's retrieval candidates.
 */
public interface BatchStage extends AutoCloseable {
    /** Short name used in group ids, image ids and logs. */
    String name();

    String inputTopic();

    /** Where the answer to a good input lands (a FAILED result or a dead letter would be a test failure). */
    String answerTopic();

    /** Publishes or starts what the stage reads besides its input (reference index, photo server). */
    void prepare(String bootstrapServers) throws Exception;

    /** {@code n} good input records for {@link #inputTopic()}, keyed by distinct image ids, no partition set. */
    List<ProducerRecord<byte[], byte[]>> inputs(int n);

    /** A new instance's handler with its own model or fetcher; released by {@link #close()}. */
    BatchHandler newHandler(String bootstrapServers) throws Exception;

    /** Releases every handler built and anything {@link #prepare} started. */
    @Override
    void close();

    /** The image id of input {@code i}: stage, sequence number, source photo. */
    static String imageId(String stage, int i, String photoId) {
        return String.format("%s-%03d-%s", stage, i, photoId);
    }
}
