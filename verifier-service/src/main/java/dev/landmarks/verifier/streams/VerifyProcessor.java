package dev.landmarks.verifier.streams;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.verifier.verify.Verdict;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one verification task (key = landmark id) on the instance that owns the landmark: reads every reference of
 * the landmark from the local references store (a prefix scan on {@code "<landmark>/"}), calls the verify function
 * and sends the verdict back keyed by image id. A landmark without references gets a 0-inlier verdict without a
 * call; a verify function that throws gets a verdict marked failed, so the image still gets its one result.
 */
final class VerifyProcessor extends ContextualProcessor<String, VerificationTask, String, CandidateVerdict> {
    private static final Logger LOG = LoggerFactory.getLogger(VerifyProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final VerifyFunction verify;
    private TimestampedKeyValueStore<String, byte[]> references;

    VerifyProcessor(VerifyFunction verify) {
        this.verify = verify;
    }

    @Override
    public void init(ProcessorContext<String, CandidateVerdict> context) {
        super.init(context);
        references = context.getStateStore(VerifierTopology.REFERENCES_STORE);
    }

    @Override
    public void process(Record<String, VerificationTask> record) {
        VerificationTask task = record.value();
        List<ReferenceFeatures> refs = referencesOf(task.landmarkId());
        Verdict verdict = unverified(task);
        String error = "";
        long start = System.nanoTime();
        if (!refs.isEmpty()) {
            try {
                Verdict returned = verify.verify(task.query(), task.landmarkId(), task.candidateScore(), refs);
                if (returned == null) {
                    throw new IllegalStateException("the verify function returned no verdict");
                }
                verdict = returned;
            } catch (RuntimeException e) {
                LOG.warn("image {}: verification against landmark {} failed", task.imageId(), task.landmarkId(), e);
                error = String.valueOf(e);
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        CandidateVerdict out = new CandidateVerdict(task.imageId(), task.candidateIndex(), task.candidateCount(),
                verdict, millis, error, task.context());
        context().forward(record.withKey(task.imageId()).withValue(out));
    }

    private List<ReferenceFeatures> referencesOf(String landmarkId) {
        List<ReferenceFeatures> refs = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> it =
                     references.prefixScan(LandmarkPartitioning.keyPrefix(landmarkId), KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = it.next();
                try {
                    refs.add(ReferenceFeatures.parseFrom(entry.value.value()));
                } catch (InvalidProtocolBufferException e) {
                    // Already sent to the dead-letter topic when it arrived; it is no reference.
                    LOG.debug("skipping unreadable reference {}", entry.key);
                }
            }
        }
        return refs;
    }

    private static Verdict unverified(VerificationTask task) {
        return new Verdict(task.landmarkId(), task.candidateScore(), 0, 0f, "", 0);
    }
}
