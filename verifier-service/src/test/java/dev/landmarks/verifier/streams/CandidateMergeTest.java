package dev.landmarks.verifier.streams;

import dev.landmarks.common.kafka.ProtoSerdes;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Candidate;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.Result;
import dev.landmarks.verifier.verify.Verdict;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Candidates of two generators (a CNN and retrieval) for one image: merged before verification, one result. */
class CandidateMergeTest {
    @TempDir
    Path stateDir;

    private final SceneMatcher matcher = new SceneMatcher();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> features;
    private TestInputTopic<String, byte[]> predictions;
    private TestOutputTopic<String, Result> results;

    private static Candidates from(String model, Candidates c) {
        return c.toBuilder().setModelId(model).build();
    }

    @BeforeEach
    void start() {
        VerifierTopologyConfig config = VerifierTopologyConfig.defaults().withStateDir(stateDir).withCandidateSources(2);
        driver = new TopologyTestDriver(VerifierTopology.topology(config, matcher, matcher),
                VerifierTopology.streamsConfig("unused:9092", "merge-test", config), Instant.parse("2026-11-27T08:00:00Z"));
        features = driver.createInputTopic(Topics.FEATURES.name(), new StringSerializer(), new ByteArraySerializer());
        predictions = driver.createInputTopic(Topics.PREDICTIONS.name(), new StringSerializer(), new ByteArraySerializer());
        TestInputTopic<String, byte[]> references = driver.createInputTopic(Topics.REFERENCES.name(),
                new StringSerializer(), new ByteArraySerializer());
        results = driver.createOutputTopic(Topics.RESULTS.name(), new StringDeserializer(),
                ProtoSerdes.RESULTS.deserializer());
        references.pipeInput(LandmarkPartitioning.referenceKey("1001", "r-bridge"),
                SceneMatcher.reference("1001", "r-bridge", 1).toByteArray());
        references.pipeInput(LandmarkPartitioning.referenceKey("2002", "r-tower"),
                SceneMatcher.reference("2002", "r-tower", 2).toByteArray());
        references.pipeInput(LandmarkPartitioning.referenceKey("3003", "r-arch"),
                SceneMatcher.reference("3003", "r-arch", 3).toByteArray());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void theImageWaitsForBothGeneratorsAndIsVerifiedOnTheUnionOfTheirCandidates() {
        features.pipeInput("q1", SceneMatcher.query("q1", 1).toByteArray());
        predictions.pipeInput("q1", from("cnn:a", SceneMatcher.candidates("q1", "2002", 0.6, "1001", 0.2)).toByteArray());
        assertTrue(results.isEmpty(), "one generator of two has answered");
        // a re-delivery of the same generator's answer does not count as the second generator
        predictions.pipeInput("q1", from("cnn:a", SceneMatcher.candidates("q1", "2002", 0.6, "1001", 0.2)).toByteArray());
        assertTrue(results.isEmpty());
        predictions.pipeInput("q1", from("retrieval:b",
                SceneMatcher.candidates("q1", "1001", 0.003, "3003", 0.001)).toByteArray());

        List<KeyValue<String, Result>> out = results.readKeyValuesToList();
        assertEquals(1, out.size(), "exactly one result: " + out);
        Result r = out.get(0).value;
        assertEquals("1001", r.getLandmarkId());
        assertEquals(Set.of("1001", "2002", "3003"), matcher.verifyCalls.keySet(), "every proposed landmark verified once");
        assertTrue(r.getModelVersionsList().contains("cnn:a+retrieval:b"), r.getModelVersionsList().toString());
        // shares: cnn 0.75 / 0.25, retrieval 0.75 / 0.25; means: 1001 (0.25 + 0.75) / 2 = 0.5, 2002 0.375, 3003 0.125
        List<Verdict> seen = matcher.decided.get(0);
        assertEquals(List.of("1001", "2002", "3003"), seen.stream().map(Verdict::landmarkId).toList());
        assertEquals(0.5f, seen.get(0).candidateScore(), 1e-6);
        assertEquals(0.375f, seen.get(1).candidateScore(), 1e-6);
        assertEquals(0.125f, seen.get(2).candidateScore(), 1e-6);
    }

    @Test
    void featuresArrivingLastFindTheCompleteMerge() {
        predictions.pipeInput("q2", from("cnn:a", SceneMatcher.candidates("q2", "2002", 1.0)).toByteArray());
        predictions.pipeInput("q2", from("retrieval:b", SceneMatcher.candidates("q2", "2002", 0.01)).toByteArray());
        assertTrue(results.isEmpty(), "no features yet");
        features.pipeInput("q2", SceneMatcher.query("q2", 2).toByteArray());
        List<KeyValue<String, Result>> out = results.readKeyValuesToList();
        assertEquals(1, out.size());
        assertEquals("2002", out.get(0).value.getLandmarkId());
        assertEquals(1f, matcher.decided.get(0).get(0).candidateScore(), 1e-6, "both give it their whole share");
    }

    @Test
    void mergeArithmeticWithoutTheTopology() {
        Candidates cnn = Candidates.newBuilder().setModelId("cnn:a")
                .addCandidates(Candidate.newBuilder().setLandmarkId("x").setScore(0f))
                .addCandidates(Candidate.newBuilder().setLandmarkId("y").setScore(0f)).build();
        Candidates merged = CandidateMerge.add(null, cnn);
        assertEquals(List.of(0.5f, 0.5f), merged.getCandidatesList().stream().map(Candidate::getScore).toList(),
                "all-zero scores share equally");
        assertEquals(Set.of("cnn:a"), CandidateMerge.sources(merged));
        assertEquals(merged, CandidateMerge.finish(merged, 1), "one source: unchanged");
    }
}
