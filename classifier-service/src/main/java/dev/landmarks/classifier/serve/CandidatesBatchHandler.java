package dev.landmarks.classifier.serve;

import dev.landmarks.classifier.candidates.CandidateGenerator;
import dev.landmarks.classifier.candidates.LabelledInput;
import dev.landmarks.classifier.candidates.LandmarkScore;
import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Candidate;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The classifier stage as a pure batch function. Input: raw records of the reader's topic ({@code landmark.images}
 * for the CNN, {@code landmark.features} for retrieval). Output, per query record: a {@link Candidates} on
 * {@code landmark.predictions} (key = image id), or a FAILED {@link Result} (PROCESSING_ERROR) on
 * {@code landmark.results} when its payload cannot be decoded or the generator fails on it; a record that cannot be
 * read at all goes to {@code landmark.dlq}. Reference records (landmark id set) go to the reference consumer when
 * one is given (the embedding index learns them) and produce no output. All decoded queries of a batch go to the generator in
 * ONE call; if that call fails, each image is retried alone so one bad image cannot fail its neighbours.
 */
public final class CandidatesBatchHandler<I> implements BatchHandler, AutoCloseable {
    static final String STAGE = "candidates";
    private static final Logger LOG = LoggerFactory.getLogger(CandidatesBatchHandler.class);

    private final InputReader<I> reader;
    private final CandidateGenerator<I> generator;
    private final Optional<Consumer<List<LabelledInput<I>>>> references;
    private final Clock clock;

    public CandidatesBatchHandler(InputReader<I> reader, CandidateGenerator<I> generator,
                                  Optional<Consumer<List<LabelledInput<I>>>> references, Clock clock) {
        this.reader = reader;
        this.generator = generator;
        this.references = references;
        this.clock = clock;
    }

    /** A handler for a generator that does not learn references online. */
    public static <I> CandidatesBatchHandler<I> of(InputReader<I> reader, CandidateGenerator<I> generator) {
        return new CandidatesBatchHandler<>(reader, generator, Optional.empty(), Clock.systemUTC());
    }

    private record Decoded<I>(Envelope<I> envelope, I input, double decodeMillis) {
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        List<Decoded<I>> queries = new ArrayList<>();
        List<LabelledInput<I>> newReferences = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            Envelope<I> envelope;
            try {
                envelope = withId(reader.read(record.value()), record.key());
            } catch (Exception e) {
                out.add(DeadLetters.record(record, STAGE, e));
                continue;
            }
            long start = System.nanoTime();
            try {
                I input = envelope.payload().decode();
                if (envelope.isReference()) {
                    newReferences.add(new LabelledInput<>(envelope.imageId(), envelope.landmarkId(), input));
                } else {
                    queries.add(new Decoded<>(envelope, input, millisSince(start)));
                }
            } catch (Exception e) {
                out.add(failed(envelope, e, millisSince(start)));
            }
        }
        if (!newReferences.isEmpty()) {
            references.ifPresentOrElse(sink -> learn(sink, newReferences),
                    () -> LOG.debug("{} reference records ignored: {} learns no references", newReferences.size(),
                            generator.modelId()));
        }
        if (!queries.isEmpty()) {
            predict(queries, out);
        }
        return out;
    }

    /**
     * References get no result record, so a failure to learn them is logged, not retried: rethrowing would abort
     * the transaction and replay the same batch forever.
     */
    private void learn(Consumer<List<LabelledInput<I>>> sink, List<LabelledInput<I>> newReferences) {
        try {
            sink.accept(newReferences);
        } catch (RuntimeException e) {
            LOG.warn("{} reference photos not indexed ({}): {}", newReferences.size(),
                    newReferences.stream().map(LabelledInput::imageId).toList(), e.toString());
        }
    }

    /** Releases the generator (its model's native memory). */
    @Override
    public void close() {
        generator.close();
    }

    private void predict(List<Decoded<I>> queries, List<ProducerRecord<byte[], byte[]>> out) {
        long start = System.nanoTime();
        List<List<LandmarkScore>> all;
        try {
            all = generator.candidates(queries.stream().map(Decoded::input).toList());
        } catch (RuntimeException batchFailure) {
            LOG.warn("batch of {} failed ({}); retrying one by one", queries.size(), batchFailure.toString());
            for (Decoded<I> q : queries) {
                long one = System.nanoTime();
                try {
                    List<LandmarkScore> c = generator.candidates(List.of(q.input())).get(0);
                    out.add(prediction(q, c, q.decodeMillis() + millisSince(one)));
                } catch (RuntimeException e) {
                    out.add(failed(q.envelope(), e, q.decodeMillis() + millisSince(one)));
                }
            }
            return;
        }
        // The model ran once for the batch: each image is charged an equal share of it.
        double share = millisSince(start) / queries.size();
        for (int i = 0; i < queries.size(); i++) {
            Decoded<I> q = queries.get(i);
            out.add(prediction(q, all.get(i), q.decodeMillis() + share));
        }
    }

    private ProducerRecord<byte[], byte[]> prediction(Decoded<I> q, List<LandmarkScore> scores, double millis) {
        Envelope<I> e = q.envelope();
        Candidates.Builder c = Candidates.newBuilder()
                .setImageId(e.imageId())
                .setModelId(generator.modelId())
                .addAllTimings(e.timings())
                .addTimings(StageTiming.newBuilder().setStage(STAGE).setMillis(millis))
                .setRequestedAtMs(e.requestedAtMs())
                .setSourceUrl(e.sourceUrl());
        for (LandmarkScore s : scores) {
            c.addCandidates(Candidate.newBuilder().setLandmarkId(s.landmarkId()).setScore(s.score()));
        }
        return new ProducerRecord<>(Topics.PREDICTIONS.name(), key(e.imageId()),
                Topics.PREDICTIONS.valueSerde().serializer().serialize(Topics.PREDICTIONS.name(), c.build()));
    }

    private ProducerRecord<byte[], byte[]> failed(Envelope<I> e, Exception error, double millis) {
        Result r = Result.newBuilder()
                .setImageId(e.imageId())
                .setStatus(Result.Status.FAILED)
                .setFailureReason(FailureReason.PROCESSING_ERROR)
                .setFailureDetail("candidate generation failed: " + error.getMessage())
                .addModelVersions(generator.modelId())
                .addAllTimings(e.timings())
                .addTimings(StageTiming.newBuilder().setStage(STAGE).setMillis(millis))
                .setSourceUrl(e.sourceUrl())
                .setRequestedAtMs(e.requestedAtMs())
                .setCompletedAtMs(clock.millis())
                .build();
        return new ProducerRecord<>(Topics.RESULTS.name(), key(e.imageId()),
                Topics.RESULTS.valueSerde().serializer().serialize(Topics.RESULTS.name(), r));
    }

    /** The message's image id, else the record key; a record with neither cannot be answered. */
    private static <I> Envelope<I> withId(Envelope<I> e, byte[] key) {
        if (!e.imageId().isEmpty()) {
            return e;
        }
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("record has neither an image id nor a key");
        }
        return new Envelope<>(new String(key, StandardCharsets.UTF_8), e.sourceUrl(), e.requestedAtMs(),
                e.landmarkId(), e.timings(), e.payload());
    }

    private static byte[] key(String imageId) {
        return imageId.getBytes(StandardCharsets.UTF_8);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
