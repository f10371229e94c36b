package dev.landmarks.it.crash;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.kafka.Await;
import dev.landmarks.it.kafka.OutputLedger;
import dev.landmarks.it.kafka.PipelineTopics;
import dev.landmarks.it.stages.SampleIndex;
import dev.landmarks.proto.Candidate;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.verifier.decide.DecisionConfig;
import dev.landmarks.verifier.decide.DecisionPolicy;
import dev.landmarks.verifier.streams.GeometricVerification;
import dev.landmarks.verifier.streams.LandmarkPartitioner;
import dev.landmarks.verifier.streams.VerifierTopology;
import dev.landmarks.verifier.streams.VerifierTopologyConfig;
import dev.landmarks.verifier.streams.VerifyFunction;
import dev.landmarks.verifier.verify.VerifyConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6's crash test for the verifier (Kafka Streams, exactly_once_v2), on a broker given by its bootstrap servers.
 * The real topology with the real geometric verification, wrapped so that one verification throws
 * {@link InjectedCrash} after it ran; the uncaught-exception handler answers SHUTDOWN_CLIENT, as VerifierMain's
 * does, and the instance dies without leaving its group (as a killed process). A new instance with the same
 * application id, on the same state directory (a restart in place) or an empty one (a replacement), gets its
 * partitions once the coordinator has given up on the dead member (the session timeout, short here:
 * {@link ResilienceConfig#sessionTimeout()}). Every image then has exactly one Result on landmark.results (read_committed), and
 * the verification the crash threw away was run again.
 */
public final class VerifierCrashScenario {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierCrashScenario.class);
    /** Candidate landmarks per query, best first, with these scores. */
    private static final float[] CANDIDATE_SCORES = {0.6f, 0.3f};
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private VerifierCrashScenario() {
    }

    /**
     * @param stateDir           the first instance's state directory
     * @param restartStateDir    the new instance's: the same directory for a restart in place, an empty one for a
     *                           replacement on another host or container (its stores are restored from Kafka)
     */
    public static VerifierCrashReport run(String bootstrapServers, ResilienceConfig config, Path stateDir,
                                         Path restartStateDir) throws Exception {
        PipelineTopics.create(bootstrapServers, config.deadline());
        List<ProducerRecord<byte[], byte[]>> references = SampleIndex.referenceRecords(config);
        PipelineTopics.publish(bootstrapServers, references,
                Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, LandmarkPartitioner.class.getName()));
        List<LocalFeatures> queries = SampleIndex.queries(config, "verifier", config.crashImages());
        List<String> ids = queries.stream().map(LocalFeatures::getImageId).toList();

        String applicationId = "verifier-crash-" + UUID.randomUUID();
        VerifierTopologyConfig topology = VerifierTopologyConfig.from(
                Settings.of(Map.of("verifier.state-dir", stateDir.toString())));
        VerifyFunction real = GeometricVerification.verify(VerifyConfig.defaults());
        ObservedVerification crashing = ObservedVerification.crashingOnCall(real, config.verifierCrashCall());
        ObservedVerification after = ObservedVerification.neverCrashing(real);

        try (OutputLedger ledger = new OutputLedger(bootstrapServers, Topics.RESULTS.name())) {
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            try (KafkaStreams first = start(bootstrapServers, applicationId, topology, crashing, firstFailure, config)) {
                Await.until("the first instance holds every reference", config.deadline(),
                        () -> referencesHeld(first) == references.size());
                PipelineTopics.publish(bootstrapServers, queryRecords(queries, SampleIndex.landmarks(config)));
                Await.until("the injected crash stops the first instance", config.deadline(),
                        () -> first.state() == KafkaStreams.State.ERROR);
                assertTrue(InjectedCrash.isCause(firstFailure.get()), "stopped by the injected crash: " + firstFailure.get());
                first.close(CLOSE_TIMEOUT);
            }
            ledger.readToEnd(config.deadline());
            int answeredBefore = ledger.countsOn(Topics.RESULTS.name()).size();
            assertTrue(answeredBefore < ids.size(), "images were left for the restart");

            long restart = System.nanoTime();
            AtomicReference<Throwable> secondFailure = new AtomicReference<>();
            try (KafkaStreams second = start(bootstrapServers, applicationId, topology.withStateDir(restartStateDir), after,
                    secondFailure, config)) {
                ledger.awaitAll(ids, config.deadline());
                assertNull(secondFailure.get(), "the restarted instance runs without error");
                second.close(CLOSE_TIMEOUT);
            }
            long restartMillis = (System.nanoTime() - restart) / 1_000_000;
            ledger.readToEnd(config.deadline());
            ledger.assertExactlyOnce(ids);
            assertFalse(crashing.crashedPair().isEmpty(), "a verification was in hand when the crash struck");
            assertTrue(after.verified(crashing.crashedPair()),
                    "the restarted instance redid the verification the crash threw away: " + crashing.crashedPair());
            VerifierCrashReport report = new VerifierCrashReport(
                    restartStateDir.equals(stateDir) ? "in place" : "replacement", ids.size(), answeredBefore, crashing.calls(),
                    after.calls(), restartMillis);
            LOG.info("{}", report);
            return report;
        }
    }

    private static KafkaStreams start(String bootstrapServers, String applicationId, VerifierTopologyConfig config,
                                      VerifyFunction verify, AtomicReference<Throwable> failure,
                                      ResilienceConfig resilience) {
        Properties props = VerifierTopology.streamsConfig(bootstrapServers, applicationId, config);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) resilience.sessionTimeout().toMillis());
        KafkaStreams streams = new KafkaStreams(VerifierTopology.topology(config, verify,
                GeometricVerification.decide(new DecisionPolicy(DecisionConfig.defaults()))), props);
        // As VerifierMain: an error in processing ends the instance; a restart resumes from the last commit.
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        return streams;
    }

    /** Features and candidates of each query; candidates are the reference landmarks in turn, two per image. */
    private static List<ProducerRecord<byte[], byte[]>> queryRecords(List<LocalFeatures> queries,
                                                                     List<String> landmarks) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            LocalFeatures features = queries.get(i);
            Candidates.Builder candidates = Candidates.newBuilder().setImageId(features.getImageId())
                    .setModelId("resilience-test").setSourceUrl(features.getSourceUrl());
            for (int c = 0; c < CANDIDATE_SCORES.length; c++) {
                candidates.addCandidates(Candidate.newBuilder()
                        .setLandmarkId(landmarks.get((i + c) % landmarks.size())).setScore(CANDIDATE_SCORES[c]));
            }
            byte[] key = features.getImageId().getBytes(StandardCharsets.UTF_8);
            records.add(new ProducerRecord<>(Topics.FEATURES.name(), key, features.toByteArray()));
            records.add(new ProducerRecord<>(Topics.PREDICTIONS.name(), key, candidates.build().toByteArray()));
        }
        return records;
    }

    /** References in the instance's local store, or -1 while it is not running. */
    private static long referencesHeld(KafkaStreams streams) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return -1;
        }
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                    VerifierTopology.REFERENCES_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
            long n = 0;
            try (var all = store.all()) {
                while (all.hasNext()) {
                    all.next();
                    n++;
                }
            }
            return n;
        } catch (RuntimeException rebalancing) {
            return -1;
        }
    }
}
