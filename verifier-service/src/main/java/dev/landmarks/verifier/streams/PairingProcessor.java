package dev.landmarks.verifier.streams;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.landmarks.proto.Candidate;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the features and the candidates of an image (key = image id; the two input topics are co-partitioned by
 * image id). Whichever half arrives first waits in a store, however long the other takes (up to the pending TTL);
 * when both are there the entry is deleted and the image goes out: one {@link VerificationTask} per distinct
 * candidate landmark (best first, keyed by landmark id) or, with no candidates, its NO_LANDMARK result. With several
 * candidate generators the predictions half is complete once each has answered; their candidates are merged
 * ({@link CandidateMerge}) and the accumulated answers wait in the predictions store meanwhile.
 * Store timestamps hold the wall-clock arrival time, which the TTL sweep reads.
 */
final class PairingProcessor extends ContextualProcessor<String, QueryHalf, String, PairingOutcome> {
    private static final Logger LOG = LoggerFactory.getLogger(PairingProcessor.class);

    private final Duration pendingTtl;
    private final Duration sweepInterval;
    private final int candidateSources;
    private TimestampedKeyValueStore<String, byte[]> pendingFeatures;
    private TimestampedKeyValueStore<String, byte[]> pendingPredictions;

    PairingProcessor(Duration pendingTtl, Duration sweepInterval, int candidateSources) {
        this.pendingTtl = pendingTtl;
        this.sweepInterval = sweepInterval;
        this.candidateSources = candidateSources;
    }

    @Override
    public void init(ProcessorContext<String, PairingOutcome> context) {
        super.init(context);
        pendingFeatures = context.getStateStore(VerifierTopology.PENDING_FEATURES_STORE);
        pendingPredictions = context.getStateStore(VerifierTopology.PENDING_PREDICTIONS_STORE);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::dropExpired);
    }

    @Override
    public void process(Record<String, QueryHalf> record) {
        String imageId = record.key();
        try {
            if (record.value() instanceof QueryHalf.FeaturesHalf f) {
                ValueAndTimestamp<byte[]> waiting = pendingPredictions.get(imageId);
                Candidates predictions = waiting == null ? null : Candidates.parseFrom(waiting.value());
                if (predictions != null && complete(predictions)) {
                    pendingPredictions.delete(imageId);
                    emit(record, f.features(), CandidateMerge.finish(predictions, candidateSources));
                } else {
                    pendingFeatures.put(imageId, arrived(f.features().toByteArray()));
                }
            } else if (record.value() instanceof QueryHalf.PredictionsHalf p) {
                // One generator's answer is complete by itself; only several generators' answers accumulate.
                ValueAndTimestamp<byte[]> waiting = candidateSources == 1 ? null : pendingPredictions.get(imageId);
                Candidates predictions = candidateSources == 1 ? p.candidates() : CandidateMerge.add(
                        waiting == null ? null : Candidates.parseFrom(waiting.value()), p.candidates());
                ValueAndTimestamp<byte[]> features = complete(predictions) ? take(pendingFeatures, imageId) : null;
                if (features != null) {
                    if (waiting != null) {
                        pendingPredictions.delete(imageId);
                    }
                    emit(record, LocalFeatures.parseFrom(features.value()),
                            CandidateMerge.finish(predictions, candidateSources));
                } else {
                    // The first half's arrival time is what the TTL counts from.
                    long since = waiting == null ? context().currentSystemTimeMs() : waiting.timestamp();
                    pendingPredictions.put(imageId, ValueAndTimestamp.make(predictions.toByteArray(), since));
                }
            }
        } catch (InvalidProtocolBufferException e) {
            // Only this processor writes these stores, with bytes it parsed itself.
            throw new IllegalStateException("pending store holds an unreadable value for image " + imageId, e);
        }
    }

    private boolean complete(Candidates predictions) {
        return candidateSources == 1 || CandidateMerge.sources(predictions).size() >= candidateSources;
    }

    /** Removes and returns the waiting entry; no changelog write when there is none. */
    private static ValueAndTimestamp<byte[]> take(TimestampedKeyValueStore<String, byte[]> store, String imageId) {
        ValueAndTimestamp<byte[]> waiting = store.get(imageId);
        if (waiting != null) {
            store.delete(imageId);
        }
        return waiting;
    }

    private ValueAndTimestamp<byte[]> arrived(byte[] value) {
        return ValueAndTimestamp.make(value, context().currentSystemTimeMs());
    }

    private void emit(Record<String, QueryHalf> record, LocalFeatures features, Candidates candidates) {
        String imageId = record.key();
        Result context = ResultAssembly.context(imageId, features, candidates);
        List<Candidate> distinct = distinctLandmarks(candidates);
        if (distinct.isEmpty()) {
            Result result = ResultAssembly.noCandidates(context, context().currentSystemTimeMs());
            context().forward(record.withValue(new PairingOutcome.Answered(result)));
            return;
        }
        for (int i = 0; i < distinct.size(); i++) {
            Candidate c = distinct.get(i);
            VerificationTask task = new VerificationTask(imageId, i, distinct.size(), c.getLandmarkId(),
                    c.getScore(), features, context);
            context().forward(record.withKey(c.getLandmarkId()).withValue(new PairingOutcome.Fanout(task)));
        }
    }

    /** The first (best) entry of each landmark: a generator listing a landmark twice must not get two verdicts. */
    private static List<Candidate> distinctLandmarks(Candidates candidates) {
        Map<String, Candidate> byLandmark = new LinkedHashMap<>();
        for (Candidate c : candidates.getCandidatesList()) {
            byLandmark.putIfAbsent(c.getLandmarkId(), c);
        }
        return new ArrayList<>(byLandmark.values());
    }

    private void dropExpired(long now) {
        dropExpired(pendingFeatures, "features", now);
        dropExpired(pendingPredictions, "predictions", now);
    }

    private void dropExpired(TimestampedKeyValueStore<String, byte[]> store, String half, long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = all.next();
                if (now - entry.value.timestamp() >= pendingTtl.toMillis()) {
                    expired.add(entry.key);
                }
            }
        }
        for (String imageId : expired) {
            LOG.warn("image {}: {} waited {} for the other half and is dropped", imageId, half, pendingTtl);
            store.delete(imageId);
        }
    }
}
