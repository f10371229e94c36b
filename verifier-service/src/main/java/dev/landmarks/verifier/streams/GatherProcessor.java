package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Result;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the verdicts of an image (key = image id) in a store until one has arrived for every candidate index
 * (each verdict says how many to expect), then decides, forwards the image's one Result and deletes the entry.
 * A verdict for an index already held replaces it, so a replayed verdict never counts twice.
 */
final class GatherProcessor extends ContextualProcessor<String, CandidateVerdict, String, Result> {
    private final DecideFunction decide;
    private KeyValueStore<String, byte[]> gathering;

    GatherProcessor(DecideFunction decide) {
        this.decide = decide;
    }

    @Override
    public void init(ProcessorContext<String, Result> context) {
        super.init(context);
        gathering = context.getStateStore(VerifierTopology.GATHER_STORE);
    }

    @Override
    public void process(Record<String, CandidateVerdict> record) {
        CandidateVerdict verdict = record.value();
        String imageId = verdict.imageId();
        byte[] held = gathering.get(imageId);
        List<CandidateVerdict> verdicts = held == null ? new ArrayList<>() : InternalWire.decodeVerdicts(held);
        verdicts.removeIf(v -> v.candidateIndex() == verdict.candidateIndex());
        verdicts.add(verdict);
        if (verdicts.size() < verdict.candidateCount()) {
            gathering.put(imageId, InternalWire.encodeVerdicts(verdicts));
            return;
        }
        if (held != null) {
            gathering.delete(imageId);
        }
        Result result = ResultAssembly.fromVerdicts(verdicts, decide, context().currentSystemTimeMs());
        context().forward(record.withKey(imageId).withValue(result));
    }
}
