package dev.landmarks.common.kafka;

import com.google.protobuf.ByteString;
import dev.landmarks.proto.Candidate;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.ImageEncoding;
import dev.landmarks.proto.ImageRequest;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every wire message through the serde the topic catalog gives it: bytes out, the same message back. */
class ProtoSerdesTest {
    private static <T extends com.google.protobuf.MessageLite> T roundTrip(ProtoSerde<T> serde, T message) {
        byte[] bytes = serde.serializer().serialize("t", message);
        return serde.deserializer().deserialize("t", bytes);
    }

    @Test
    void everyMessageSurvivesTheWire() {
        ImageRequest request = ImageRequest.newBuilder().setImageId("a").setUrl("http://x/a.jpg").setRequestedAtMs(5).build();
        assertEquals(request, roundTrip(ProtoSerdes.REQUEST, request));

        Image image = Image.newBuilder().setImageId("a").setSourceUrl("http://x/a.jpg").setEncoding(ImageEncoding.JPEG)
                .setData(ByteString.copyFrom(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2})).setWidth(4).setHeight(3)
                .setOriginalWidth(40).setOriginalHeight(30).setOriginalBytes(1234)
                .addTimings(StageTiming.newBuilder().setStage("fetch").setMillis(1.5)).build();
        assertEquals(image, roundTrip(ProtoSerdes.IMAGE, image));

        LocalFeatures features = LocalFeatures.newBuilder().setImageId("a").setExtractor("rootsift-v1")
                .addX(1f).addY(2f).addScale(3f).addStrength(4f).setDescriptorDim(2)
                .setDescriptors(ByteString.copyFrom(new byte[] {1, -1})).setDescriptorScale(0.5f).build();
        assertEquals(features, roundTrip(ProtoSerdes.FEATURES, features));

        Candidates candidates = Candidates.newBuilder().setImageId("a").setModelId("retrieval:abc")
                .addCandidates(Candidate.newBuilder().setLandmarkId("l1").setScore(0.9f))
                .addCandidates(Candidate.newBuilder().setLandmarkId("l2").setScore(0.1f)).build();
        assertEquals(candidates, roundTrip(ProtoSerdes.CANDIDATES, candidates));

        ReferenceFeatures reference = ReferenceFeatures.newBuilder().setLandmarkId("l1").setImageId("r")
                .setFeatures(features).build();
        assertEquals(reference, roundTrip(ProtoSerdes.REFERENCES, reference));

        Result failed = Result.newBuilder().setImageId("a").setStatus(Result.Status.FAILED)
                .setFailureReason(FailureReason.NOT_FOUND).setFailureDetail("HTTP 404 Not Found from http://x/a.jpg").build();
        assertEquals(failed, roundTrip(ProtoSerdes.RESULTS, failed));
    }

    @Test
    void absentFieldsReadAsTheirDocumentedDefaults() {
        Result empty = roundTrip(ProtoSerdes.RESULTS, Result.getDefaultInstance());
        assertEquals(Result.Status.STATUS_UNSPECIFIED, empty.getStatus());
        assertEquals("", empty.getLandmarkId());
        assertEquals(0, empty.getInliers());
        assertEquals(0, empty.getTimingsCount());
        assertArrayEquals(new byte[0], ProtoSerdes.RESULTS.serializer().serialize("t", Result.getDefaultInstance()));
    }

    @Test
    void tombstonesStayNullAndGarbageIsASerializationError() {
        assertNull(ProtoSerdes.REFERENCES.serializer().serialize("t", null));
        assertNull(ProtoSerdes.REFERENCES.deserializer().deserialize("t", null));
        SerializationException e = assertThrows(SerializationException.class,
                () -> ProtoSerdes.CANDIDATES.deserializer().deserialize("landmark.predictions", new byte[] {(byte) 0xFF, 0x01}));
        assertTrue(e.getMessage().contains("landmark.predictions") && e.getMessage().contains("Candidates"), e.getMessage());
    }
}
