package dev.landmarks.verifier.streams;

import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.ProtoSerdes;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import dev.landmarks.verifier.verify.Verdict;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier topology in TopologyTestDriver: pairing, fan-out, gather, one result per image, DLQ, clean-up. */
class VerifierTopologyTest {
    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    @TempDir
    Path stateDir;

    private final SceneMatcher matcher = new SceneMatcher();
    private VerifierTopologyConfig config;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> features;
    private TestInputTopic<String, byte[]> predictions;
    private TestInputTopic<String, byte[]> references;
    private TestOutputTopic<String, Result> results;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        config = VerifierTopologyConfig.defaults().withStateDir(stateDir);
        driver = new TopologyTestDriver(VerifierTopology.topology(config, matcher, matcher),
                VerifierTopology.streamsConfig("unused:9092", "verifier-test", config), START);
        features = driver.createInputTopic(Topics.FEATURES.name(), new StringSerializer(), new ByteArraySerializer());
        predictions = driver.createInputTopic(Topics.PREDICTIONS.name(), new StringSerializer(),
                new ByteArraySerializer());
        references = driver.createInputTopic(Topics.REFERENCES.name(), new StringSerializer(),
                new ByteArraySerializer());
        results = driver.createOutputTopic(Topics.RESULTS.name(), new StringDeserializer(),
                ProtoSerdes.RESULTS.deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        reference("1001", "r-bridge-a", 1);
        reference("1001", "r-bridge-b", 1);
        reference("2002", "r-tower-a", 2);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void predictionsAfterFeaturesGiveOneRecognizedResult() {
        features.pipeInput("q1", SceneMatcher.query("q1", 1).toByteArray());
        assertTrue(results.isEmpty(), "nothing before the predictions arrive");
        predictions.pipeInput("q1", SceneMatcher.candidates("q1", "2002", 0.6, "1001", 0.3).toByteArray());

        Result r = onlyResult();
        assertEquals("q1", r.getImageId());
        assertEquals(Result.Status.RECOGNIZED, r.getStatus());
        assertEquals("1001", r.getLandmarkId());
        assertEquals(SceneMatcher.MATCH_INLIERS, r.getInliers());
        assertEquals("r-bridge-a", r.getReferenceImageId());
        assertEquals(50 / 70f + 0.3f, r.getScore(), 1e-6);
        assertEquals(List.of("rootsift-v1", "cnn:test"), r.getModelVersionsList());
        assertEquals(List.of("fetch", "features", "candidates", "verify"),
                r.getTimingsList().stream().map(StageTiming::getStage).toList());
        assertEquals("https://example.org/q1.jpg", r.getSourceUrl());
        assertEquals(1_000L, r.getRequestedAtMs());
        assertEquals(START.toEpochMilli(), r.getCompletedAtMs());
        assertEquals(Map.of("1001", 1, "2002", 1), calls());
        assertEquals(List.of(List.of("r-bridge-a", "r-bridge-b"), List.of("r-tower-a")),
                matcher.referencesSeen.stream().sorted((a, b) -> b.size() - a.size()).toList());
        assertEquals(List.of("2002", "1001"),
                matcher.decided.get(0).stream().map(Verdict::landmarkId).toList(), "decide sees candidate order");
        assertStateCleared();
    }

    @Test
    void predictionsBeforeFeaturesLongAfterwardsStillGiveOneResult() {
        predictions.pipeInput("q2", SceneMatcher.candidates("q2", "2002", 0.9).toByteArray());
        driver.advanceWallClockTime(config.pendingTtl().minusMinutes(5));
        assertTrue(results.isEmpty());
        features.pipeInput("q2", SceneMatcher.query("q2", 2).toByteArray());

        Result r = onlyResult();
        assertEquals(Result.Status.RECOGNIZED, r.getStatus());
        assertEquals("2002", r.getLandmarkId());
        assertEquals("r-tower-a", r.getReferenceImageId());
        assertStateCleared();
    }

    @Test
    void candidateWithoutReferencesGetsZeroInliersWithoutAVerifyCall() {
        features.pipeInput("q3", SceneMatcher.query("q3", 3).toByteArray());
        predictions.pipeInput("q3", SceneMatcher.candidates("q3", "9999", 0.8, "1001", 0.1).toByteArray());

        Result r = onlyResult();
        assertEquals(Result.Status.NO_LANDMARK, r.getStatus());
        assertEquals("", r.getLandmarkId());
        assertEquals(Map.of("1001", 1), calls(), "no call for a landmark without references");
        Verdict unreferenced = matcher.decided.get(0).get(0);
        assertEquals(new Verdict("9999", 0.8f, 0, 0f, "", 0), unreferenced);
        assertStateCleared();
    }

    @Test
    void tombstonedReferenceIsNoLongerUsed() {
        reference("3003", "r-arch-a", 3);
        reference("3003", "r-arch-b", 5);
        references.pipeInput(LandmarkPartitioning.referenceKey("3003", "r-arch-a"), (byte[]) null);
        features.pipeInput("q4", SceneMatcher.query("q4", 3).toByteArray());
        predictions.pipeInput("q4", SceneMatcher.candidates("q4", "3003", 0.7).toByteArray());

        Result r = onlyResult();
        assertEquals(Result.Status.NO_LANDMARK, r.getStatus(), "the only matching reference was removed");
        assertEquals(List.of(List.of("r-arch-b")), matcher.referencesSeen);

        references.pipeInput(LandmarkPartitioning.referenceKey("3003", "r-arch-b"), (byte[]) null);
        features.pipeInput("q5", SceneMatcher.query("q5", 3).toByteArray());
        predictions.pipeInput("q5", SceneMatcher.candidates("q5", "3003", 0.7).toByteArray());
        assertEquals(Result.Status.NO_LANDMARK, onlyResult().getStatus());
        assertEquals(1, matcher.totalVerifyCalls(), "a landmark with every reference removed is not verified");
        assertTrue(deadLetters.isEmpty(), "tombstones are not dead letters");
    }

    @Test
    void zeroCandidatesGiveNoLandmarkAtOnce() {
        predictions.pipeInput("q6", SceneMatcher.candidates("q6").toByteArray());
        features.pipeInput("q6", SceneMatcher.query("q6", 1).toByteArray());

        Result r = onlyResult();
        assertEquals(Result.Status.NO_LANDMARK, r.getStatus());
        assertEquals("verify", r.getTimings(r.getTimingsCount() - 1).getStage());
        assertEquals(0, matcher.totalVerifyCalls());
        assertTrue(matcher.decided.isEmpty());
        assertStateCleared();
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndProcessingContinues() {
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01};
        features.pipeInput("bad", garbage);
        predictions.pipeInput("bad2", garbage);
        references.pipeInput(LandmarkPartitioning.referenceKey("1001", "r-broken"), garbage);
        features.pipeInput("q7", SceneMatcher.query("q7", 1).toByteArray());
        predictions.pipeInput("q7", SceneMatcher.candidates("q7", "1001", 0.5).toByteArray());

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertEquals(List.of("bad", "bad2", "1001/r-broken"),
                dead.stream().map(d -> new String(d.key(), StandardCharsets.UTF_8)).toList());
        TestRecord<byte[], byte[]> first = dead.get(0);
        assertEquals(List.of((byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x01), boxed(first.value()));
        assertEquals(Topics.FEATURES.name(), header(first, DeadLetters.HEADER_TOPIC));
        assertEquals("0", header(first, DeadLetters.HEADER_OFFSET));
        assertEquals(DecodeProcessor.STAGE, header(first, DeadLetters.HEADER_STAGE));
        assertTrue(header(first, DeadLetters.HEADER_EXCEPTION).contains("InvalidProtocolBuffer"));
        assertEquals(null, header(first, DecodeProcessor.HEADER_ORIGINAL_BYTES), "small values are kept whole");
        assertTrue(!header(first, DeadLetters.HEADER_ERROR).isEmpty());
        assertEquals(Topics.REFERENCES.name(), header(dead.get(2), DeadLetters.HEADER_TOPIC));

        Result r = onlyResult();
        assertEquals("q7", r.getImageId());
        assertEquals(Result.Status.RECOGNIZED, r.getStatus());
        assertEquals(List.of(List.of("r-bridge-a", "r-bridge-b")), matcher.referencesSeen,
                "the unreadable reference is skipped");
    }

    @Test
    void aHugeUnreadableRecordIsCutToTheDeadLetterLimit() {
        byte[] huge = new byte[config.deadLetterMaxBytes() + 1000];
        java.util.Arrays.fill(huge, (byte) 0xff);
        features.pipeInput("huge", huge);
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertEquals(config.deadLetterMaxBytes(), dead.value().length);
        assertEquals(Integer.toString(huge.length), header(dead, DecodeProcessor.HEADER_ORIGINAL_BYTES));
        assertEquals(Topics.FEATURES.name(), header(dead, DeadLetters.HEADER_TOPIC));
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void manyImagesInterleavedGetExactlyOneResultEach() {
        for (int i = 0; i < 10; i++) {
            String id = "m" + i;
            if (i % 2 == 0) {
                features.pipeInput(id, SceneMatcher.query(id, 1 + i % 3).toByteArray());
            } else {
                predictions.pipeInput(id, SceneMatcher.candidates(id, "1001", 0.5, "2002", 0.4, "1001", 0.1)
                        .toByteArray());
            }
        }
        for (int i = 9; i >= 0; i--) {
            String id = "m" + i;
            if (i % 2 == 0) {
                predictions.pipeInput(id, SceneMatcher.candidates(id, "1001", 0.5, "2002", 0.4, "1001", 0.1)
                        .toByteArray());
            } else {
                features.pipeInput(id, SceneMatcher.query(id, 1 + i % 3).toByteArray());
            }
        }
        Map<String, Result> byImage = results.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
        assertEquals(10, byImage.size());
        assertEquals(20, matcher.totalVerifyCalls(), "two distinct landmarks per image, the repeated one once");
        for (int i = 0; i < 10; i++) {
            int scene = 1 + i % 3;
            Result r = byImage.get("m" + i);
            String expected = scene == 1 ? "1001" : scene == 2 ? "2002" : "";
            assertEquals(expected, r.getLandmarkId(), "image m" + i);
        }
        assertStateCleared();
    }

    @Test
    void aThrowingVerifierGivesAFailedResult() {
        driver.close();
        VerifyFunction broken = (query, landmark, score, refs) -> {
            throw new IllegalStateException("matcher exploded");
        };
        driver = new TopologyTestDriver(VerifierTopology.topology(config, broken, matcher),
                VerifierTopology.streamsConfig("unused:9092", "verifier-test", config), START);
        driver.createInputTopic(Topics.REFERENCES.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("1001/r1", SceneMatcher.reference("1001", "r1", 1).toByteArray());
        driver.createInputTopic(Topics.FEATURES.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("q8", SceneMatcher.query("q8", 1).toByteArray());
        driver.createInputTopic(Topics.PREDICTIONS.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("q8", SceneMatcher.candidates("q8", "1001", 0.5).toByteArray());
        results = driver.createOutputTopic(Topics.RESULTS.name(), new StringDeserializer(),
                ProtoSerdes.RESULTS.deserializer());

        Result r = onlyResult();
        assertEquals(Result.Status.FAILED, r.getStatus());
        assertEquals(FailureReason.PROCESSING_ERROR, r.getFailureReason());
        assertTrue(r.getFailureDetail().contains("matcher exploded"), r.getFailureDetail());
    }

    @Test
    void aThrowingDecisionGivesAFailedResult() {
        driver.close();
        DecideFunction broken = verdicts -> {
            throw new IllegalArgumentException("policy exploded");
        };
        driver = new TopologyTestDriver(VerifierTopology.topology(config, matcher, broken),
                VerifierTopology.streamsConfig("unused:9092", "verifier-test", config), START);
        driver.createInputTopic(Topics.FEATURES.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("q10", SceneMatcher.query("q10", 1).toByteArray());
        driver.createInputTopic(Topics.PREDICTIONS.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("q10", SceneMatcher.candidates("q10", "1001", 0.5).toByteArray());
        results = driver.createOutputTopic(Topics.RESULTS.name(), new StringDeserializer(),
                ProtoSerdes.RESULTS.deserializer());

        Result r = onlyResult();
        assertEquals(Result.Status.FAILED, r.getStatus());
        assertEquals(FailureReason.PROCESSING_ERROR, r.getFailureReason());
        assertTrue(r.getFailureDetail().contains("policy exploded"), r.getFailureDetail());
        assertEquals("verify", r.getTimings(r.getTimingsCount() - 1).getStage());
    }

    @Test
    void aHalfWaitingLongerThanTheTtlIsDropped() {
        features.pipeInput("q9", SceneMatcher.query("q9", 1).toByteArray());
        driver.advanceWallClockTime(config.pendingTtl().plus(config.pendingSweepInterval()));
        assertEquals(0, count(VerifierTopology.PENDING_FEATURES_STORE));
        predictions.pipeInput("q9", SceneMatcher.candidates("q9", "1001", 0.5).toByteArray());
        assertTrue(results.isEmpty(), "its features are gone, so the predictions wait");
        assertEquals(1, count(VerifierTopology.PENDING_PREDICTIONS_STORE));
    }

    private void reference(String landmark, String imageId, int scene) {
        references.pipeInput(LandmarkPartitioning.referenceKey(landmark, imageId),
                SceneMatcher.reference(landmark, imageId, scene).toByteArray());
    }

    /** The single result on the topic; fails if there is none or more than one. */
    private Result onlyResult() {
        List<KeyValue<String, Result>> out = results.readKeyValuesToList();
        assertEquals(1, out.size(), "exactly one result: " + out);
        assertEquals(out.get(0).key, out.get(0).value.getImageId(), "results are keyed by image id");
        return out.get(0).value;
    }

    private Map<String, Integer> calls() {
        return matcher.verifyCalls.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    private void assertStateCleared() {
        assertEquals(0, count(VerifierTopology.PENDING_FEATURES_STORE), "pending features");
        assertEquals(0, count(VerifierTopology.PENDING_PREDICTIONS_STORE), "pending predictions");
        assertEquals(0, count(VerifierTopology.GATHER_STORE), "gathered verdicts");
        assertTrue(results.isEmpty(), "no extra results");
        assertTrue(deadLetters.isEmpty(), "no dead letters");
    }

    private long count(String storeName) {
        long n = 0;
        try (KeyValueIterator<String, ?> all = storeName.equals(VerifierTopology.GATHER_STORE)
                ? driver.<String, byte[]>getKeyValueStore(storeName).all()
                : driver.<String, byte[]>getTimestampedKeyValueStore(storeName).all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<Byte> boxed(byte[] bytes) {
        java.util.ArrayList<Byte> list = new java.util.ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
