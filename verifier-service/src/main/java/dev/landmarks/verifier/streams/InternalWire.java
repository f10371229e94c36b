package dev.landmarks.verifier.streams;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.verifier.verify.Verdict;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary encoding of the verifier's internal records (repartition topics and the gather store), written in the
 * protobuf wire format by hand because landmarks.proto has no messages for them yet; the field numbers below are
 * the contract. Only this application reads these bytes, and old ones disappear with the topics' retention.
 */
final class InternalWire {
    // VerificationTask and CandidateVerdict share numbers 1-3 and 20 (image id, index, count, context).
    private static final int IMAGE_ID = 1;
    private static final int INDEX = 2;
    private static final int COUNT = 3;
    private static final int CONTEXT = 20;
    private static final int TASK_LANDMARK = 4;
    private static final int TASK_SCORE = 5;
    private static final int TASK_QUERY = 6;
    private static final int VERDICT_MILLIS = 10;
    private static final int VERDICT_ERROR = 11;
    private static final int VERDICT_FIELD = 12;
    private static final int LIST_ITEM = 1;
    // A Verdict field: its name and its value in the slot of its type.
    private static final int FIELD_NAME = 1;
    private static final int FIELD_TEXT = 2;
    private static final int FIELD_INTEGER = 3;
    private static final int FIELD_DECIMAL = 4;

    /*
     * Verdict belongs to the verification code and gains fields as that improves (spread of inliers, ...); the
     * decision reads them after the verdict crossed a repartition topic. So Verdict travels field by field, by
     * name, read from the record's components: a new field is carried without a change here, and an instance of
     * an older version meeting it (rolling upgrade) skips it instead of misreading it.
     */
    private static final RecordComponent[] VERDICT_FIELDS = Verdict.class.getRecordComponents();
    private static final Constructor<Verdict> VERDICT_CONSTRUCTOR = canonicalConstructor();

    static final Serde<VerificationTask> TASKS = Serdes.serdeFrom(
            (topic, task) -> task == null ? null : encode(task),
            (topic, bytes) -> bytes == null ? null : decodeTask(bytes));
    static final Serde<CandidateVerdict> VERDICTS = Serdes.serdeFrom(
            (topic, verdict) -> verdict == null ? null : encode(verdict),
            (topic, bytes) -> bytes == null ? null : decodeVerdict(bytes));

    private InternalWire() {
    }

    static byte[] encode(VerificationTask t) {
        return write(out -> {
            out.writeString(IMAGE_ID, t.imageId());
            out.writeInt32(INDEX, t.candidateIndex());
            out.writeInt32(COUNT, t.candidateCount());
            out.writeString(TASK_LANDMARK, t.landmarkId());
            out.writeFloat(TASK_SCORE, t.candidateScore());
            out.writeMessage(TASK_QUERY, t.query());
            out.writeMessage(CONTEXT, t.context());
        });
    }

    static VerificationTask decodeTask(byte[] bytes) {
        String imageId = "";
        String landmark = "";
        int index = 0;
        int count = 0;
        float score = 0f;
        LocalFeatures query = LocalFeatures.getDefaultInstance();
        Result context = Result.getDefaultInstance();
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case IMAGE_ID -> imageId = in.readString();
                    case INDEX -> index = in.readInt32();
                    case COUNT -> count = in.readInt32();
                    case TASK_LANDMARK -> landmark = in.readString();
                    case TASK_SCORE -> score = in.readFloat();
                    case TASK_QUERY -> query = LocalFeatures.parseFrom(in.readBytes());
                    case CONTEXT -> context = Result.parseFrom(in.readBytes());
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new SerializationException("unreadable verification task: " + e.getMessage(), e);
        }
        return new VerificationTask(imageId, index, count, landmark, score, query, context);
    }

    static byte[] encode(CandidateVerdict c) {
        return write(out -> {
            out.writeString(IMAGE_ID, c.imageId());
            out.writeInt32(INDEX, c.candidateIndex());
            out.writeInt32(COUNT, c.candidateCount());
            for (RecordComponent field : VERDICT_FIELDS) {
                byte[] encoded = encodeField(field, c.verdict());
                if (encoded != null) {
                    out.writeByteArray(VERDICT_FIELD, encoded);
                }
            }
            out.writeDouble(VERDICT_MILLIS, c.verifyMillis());
            out.writeString(VERDICT_ERROR, c.error());
            out.writeMessage(CONTEXT, c.context());
        });
    }

    static CandidateVerdict decodeVerdict(byte[] bytes) {
        try {
            return decodeVerdict(CodedInputStream.newInstance(bytes));
        } catch (IOException e) {
            throw new SerializationException("unreadable verdict: " + e.getMessage(), e);
        }
    }

    private static CandidateVerdict decodeVerdict(CodedInputStream in) throws IOException {
        String imageId = "";
        String error = "";
        int index = 0;
        int count = 0;
        double millis = 0;
        Result context = Result.getDefaultInstance();
        Object[] verdictFields = new Object[VERDICT_FIELDS.length];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case IMAGE_ID -> imageId = in.readString();
                case INDEX -> index = in.readInt32();
                case COUNT -> count = in.readInt32();
                case VERDICT_FIELD -> decodeField(in.readBytes().newCodedInput(), verdictFields);
                case VERDICT_MILLIS -> millis = in.readDouble();
                case VERDICT_ERROR -> error = in.readString();
                case CONTEXT -> context = Result.parseFrom(in.readBytes());
                default -> in.skipField(tag);
            }
        }
        return new CandidateVerdict(imageId, index, count, verdict(verdictFields), millis, error, context);
    }

    /** One Verdict field as {name, value}; null for a null String (read back as empty). */
    private static byte[] encodeField(RecordComponent field, Verdict verdict) {
        Object value;
        try {
            value = field.getAccessor().invoke(verdict);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read Verdict." + field.getName(), e);
        }
        if (value == null) {
            return null;
        }
        return write(out -> {
            out.writeString(FIELD_NAME, field.getName());
            if (value instanceof String text) {
                out.writeString(FIELD_TEXT, text);
            } else if (value instanceof Integer || value instanceof Long) {
                out.writeInt64(FIELD_INTEGER, ((Number) value).longValue());
            } else if (value instanceof Boolean flag) {
                out.writeInt64(FIELD_INTEGER, flag ? 1 : 0);
            } else if (value instanceof Float || value instanceof Double) {
                // float -> double -> float is exact.
                out.writeDouble(FIELD_DECIMAL, ((Number) value).doubleValue());
            } else {
                throw new IllegalStateException("Verdict." + field.getName() + " has a type the verifier topology "
                        + "cannot send: " + field.getType().getName());
            }
        });
    }

    private static void decodeField(CodedInputStream in, Object[] fields) throws IOException {
        String name = "";
        Object value = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case FIELD_NAME -> name = in.readString();
                case FIELD_TEXT -> value = in.readString();
                case FIELD_INTEGER -> value = in.readInt64();
                case FIELD_DECIMAL -> value = in.readDouble();
                default -> in.skipField(tag);
            }
        }
        for (int i = 0; i < VERDICT_FIELDS.length; i++) {
            if (VERDICT_FIELDS[i].getName().equals(name)) {
                fields[i] = value;
            }
        }
    }

    private static Verdict verdict(Object[] received) {
        Object[] args = new Object[VERDICT_FIELDS.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = convert(VERDICT_FIELDS[i].getType(), received[i]);
        }
        try {
            return VERDICT_CONSTRUCTOR.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new SerializationException("cannot rebuild a Verdict: " + e.getMessage(), e);
        }
    }

    /** A received value (or its absence) as the field's type; absent = the proto3 default. */
    private static Object convert(Class<?> type, Object value) {
        if (type == String.class) {
            return value instanceof String s ? s : "";
        }
        long integer = value instanceof Long l ? l : 0L;
        double decimal = value instanceof Double d ? d : 0.0;
        if (type == int.class) {
            return (int) integer;
        } else if (type == long.class) {
            return integer;
        } else if (type == boolean.class) {
            return integer != 0;
        } else if (type == float.class) {
            return (float) decimal;
        } else if (type == double.class) {
            return decimal;
        }
        throw new IllegalStateException("Verdict has a field of unsupported type " + type.getName());
    }

    private static Constructor<Verdict> canonicalConstructor() {
        Class<?>[] types = new Class<?>[VERDICT_FIELDS.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = VERDICT_FIELDS[i].getType();
            convert(types[i], null); // fails at class load for a type this codec cannot carry
        }
        try {
            return Verdict.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Verdict has no canonical constructor", e);
        }
    }

    /** The gather store's value: the verdicts of one image received so far. */
    static byte[] encodeVerdicts(List<CandidateVerdict> verdicts) {
        return write(out -> {
            for (CandidateVerdict v : verdicts) {
                out.writeBytes(LIST_ITEM, ByteString.copyFrom(encode(v)));
            }
        });
    }

    static List<CandidateVerdict> decodeVerdicts(byte[] bytes) {
        List<CandidateVerdict> verdicts = new ArrayList<>();
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == LIST_ITEM) {
                    verdicts.add(decodeVerdict(in.readBytes().newCodedInput()));
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new SerializationException("unreadable verdict list: " + e.getMessage(), e);
        }
        return verdicts;
    }

    private interface Body {
        void writeTo(CodedOutputStream out) throws IOException;
    }

    private static byte[] write(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.writeTo(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
