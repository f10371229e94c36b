package dev.landmarks.ingest;

import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topic;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.ImageRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The ingest stage on Kafka, as a {@link BatchHandler}: landmark.requests records (key image id, value URL text) in;
 * out, in input order, exactly one record per input: an Image on landmark.images, or a FAILED Result on
 * landmark.results, or (for a record that cannot be read at all) the raw record on landmark.dlq with the error in
 * headers. The images of one batch are fetched concurrently ({@code fetch.concurrency}).
 */
public final class IngestProcessor implements BatchHandler {
    /** The stage name in dead-letter headers. */
    public static final String STAGE = "ingest";

    private final ImageIngestor ingestor;
    private final Clock clock;

    public IngestProcessor(ImageIngestor ingestor, Clock clock) {
        this.ingestor = ingestor;
        this.clock = clock;
    }

    public IngestProcessor(ImageIngestor ingestor) {
        this(ingestor, Clock.systemUTC());
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(List<ConsumerRecord<byte[], byte[]>> batch)
            throws InterruptedException {
        // deadLetters.get(i) is input i's dead letter, or null when input i became the next entry of `requests`.
        List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>(batch.size());
        List<ImageRequest> requests = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            try {
                requests.add(RequestReader.read(record));
                deadLetters.add(null);
            } catch (RequestReader.UnreadableRecordException e) {
                deadLetters.add(DeadLetters.record(record, STAGE, e));
            }
        }
        List<IngestOutcome> outcomes = ingestor.ingestAll(requests);
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(batch.size());
        int next = 0;
        for (ProducerRecord<byte[], byte[]> deadLetter : deadLetters) {
            out.add(deadLetter != null ? deadLetter : toRecord(outcomes.get(next++)));
        }
        return out;
    }

    private ProducerRecord<byte[], byte[]> toRecord(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Fetched fetched) {
            return record(Topics.IMAGES, outcome.imageId(), fetched.image());
        }
        IngestOutcome.Failed failed = (IngestOutcome.Failed) outcome;
        return record(Topics.RESULTS, outcome.imageId(), failed.toResult(clock.millis()));
    }

    private static <V> ProducerRecord<byte[], byte[]> record(Topic<String, V> topic, String key, V value) {
        return new ProducerRecord<>(topic.name(),
                topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value));
    }
}
