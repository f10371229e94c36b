package dev.landmarks.classifier.serve;

import dev.landmarks.classifier.candidates.CandidateGenerator;
import dev.landmarks.classifier.candidates.LandmarkScore;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same handler runs a generator over local features (what the retrieval generator plugs into): records of
 * landmark.features in, Candidates out, an undecodable descriptor block -> FAILED result.
 */
class FeaturesInputTest {
    @Test
    void aFeaturesGeneratorRunsInTheSameHandler() throws Exception {
        CandidateGenerator<Features> byKeypointCount = new CandidateGenerator<>() {
            @Override
            public String modelId() {
                return "test:count";
            }

            @Override
            public List<List<LandmarkScore>> candidates(List<Features> batch) {
                return batch.stream().map(f -> List.of(new LandmarkScore("k" + f.size(), 1f))).toList();
            }
        };
        Features two = new Features("rootsift-v1", 10, 10, new float[]{1, 2}, new float[]{1, 2}, new float[]{1, 1},
                new float[]{1, 1}, new float[0], 1, new float[]{0.5f, 0.25f});
        LocalFeatures good = FeaturesCodec.toProto(two, DescriptorEncoding.FLOAT32).setImageId("q1").build();
        LocalFeatures bad = LocalFeatures.newBuilder().setImageId("q2").setDescriptorDim(4).addX(1).addY(1).addScale(1)
                .addStrength(1).setDescriptorEncoding(DescriptorEncoding.FLOAT32)
                .setDescriptors(com.google.protobuf.ByteString.copyFrom(new byte[3])).build();
        var handler = CandidatesBatchHandler.of(new FeaturesInputReader(), byKeypointCount);
        List<ProducerRecord<byte[], byte[]>> out = handler.handle(List.of(
                new ConsumerRecord<>(Topics.FEATURES.name(), 0, 0, "q1".getBytes(StandardCharsets.UTF_8), good.toByteArray()),
                new ConsumerRecord<>(Topics.FEATURES.name(), 0, 1, "q2".getBytes(StandardCharsets.UTF_8), bad.toByteArray())));
        assertEquals(List.of(Topics.RESULTS.name(), Topics.PREDICTIONS.name()), out.stream().map(ProducerRecord::topic).toList());
        assertEquals("q2", Result.parseFrom(out.get(0).value()).getImageId());
        Candidates c = Candidates.parseFrom(out.get(1).value());
        assertEquals("k2", c.getCandidates(0).getLandmarkId());
        assertEquals("test:count", c.getModelId());
    }
}
