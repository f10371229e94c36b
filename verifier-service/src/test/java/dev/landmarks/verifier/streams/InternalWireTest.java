package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import dev.landmarks.verifier.verify.Verdict;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InternalWireTest {
    private static final Result CONTEXT = Result.newBuilder().setImageId("q1").setSourceUrl("https://x/q1.jpg")
            .setRequestedAtMs(42).addModelVersions("rootsift-v1")
            .addTimings(StageTiming.newBuilder().setStage("fetch").setMillis(1.5)).build();

    @Test
    void taskRoundTrips() {
        VerificationTask task = new VerificationTask("q1", 2, 3, "1001", 0.25f, SceneMatcher.query("q1", 7), CONTEXT);
        assertEquals(task, InternalWire.TASKS.deserializer().deserialize("t",
                InternalWire.TASKS.serializer().serialize("t", task)));
    }

    @Test
    void verdictRoundTripsWithAndWithoutError() {
        CandidateVerdict ok = new CandidateVerdict("q1", 0, 2, new Verdict("1001", 0.5f, 47, 0.8f, "r1", 3),
                12.5, "", CONTEXT);
        CandidateVerdict failed = new CandidateVerdict("q1", 1, 2, new Verdict("2002", 0.1f, 0, 0f, "", 0),
                0.1, "boom", CONTEXT);
        for (CandidateVerdict v : List.of(ok, failed)) {
            assertEquals(v, InternalWire.VERDICTS.deserializer().deserialize("t",
                    InternalWire.VERDICTS.serializer().serialize("t", v)));
        }
        assertEquals(List.of(ok, failed), InternalWire.decodeVerdicts(InternalWire.encodeVerdicts(List.of(ok, failed))));
        assertEquals(List.of(), InternalWire.decodeVerdicts(InternalWire.encodeVerdicts(List.of())));
    }

    /** Every Verdict field, present and future, crosses the wire: each gets a distinct non-default value. */
    @Test
    void everyVerdictFieldSurvivesTheWire() throws Exception {
        RecordComponent[] fields = Verdict.class.getRecordComponents();
        Object[] values = new Object[fields.length];
        Class<?>[] types = new Class<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = fields[i].getType();
            int n = 11 + i;
            values[i] = types[i] == String.class ? "v" + n : types[i] == int.class ? n : types[i] == long.class
                    ? (long) n : types[i] == float.class ? n + 0.25f : types[i] == double.class ? n + 0.5 : true;
        }
        Verdict full = Verdict.class.getDeclaredConstructor(types).newInstance(values);
        CandidateVerdict v = new CandidateVerdict("q", 0, 1, full, 1.0, "", CONTEXT);
        assertEquals(full, InternalWire.decodeVerdict(InternalWire.encode(v)).verdict());
    }

    @Test
    void aNullReferenceComesBackEmpty() {
        CandidateVerdict v = new CandidateVerdict("q", 0, 1, new Verdict("1", 0f, 0, 0f, null, 0), 0, "", CONTEXT);
        assertEquals("", InternalWire.decodeVerdict(InternalWire.encode(v)).verdict().referenceImageId());
    }

    @Test
    void nullStaysNullAndGarbageIsRejected() {
        assertNull(InternalWire.TASKS.serializer().serialize("t", null));
        assertNull(InternalWire.VERDICTS.deserializer().deserialize("t", null));
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThrows(RuntimeException.class, () -> InternalWire.decodeTask(garbage));
    }
}
