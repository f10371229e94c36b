package dev.landmarks.verifier.streams;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.landmarks.verifier.verify.Verdict;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Writes and reads a {@link Verdict} field by field, by name, from the record's components. Verdict belongs to the
 * verification code and gains fields as that improves (spread of inliers, ...), and the decision reads them after the
 * verdict crossed a repartition topic: a new field is carried without a change here, and an instance of an older
 * version meeting it (rolling upgrade) skips it instead of misreading it. Supported field types: String, int, long,
 * boolean, float, double; anything else fails when this class loads.
 */
final class VerdictWire {
    // A field entry: its name and its value in the slot of its type.
    private static final int FIELD_NAME = 1;
    private static final int FIELD_TEXT = 2;
    private static final int FIELD_INTEGER = 3;
    private static final int FIELD_DECIMAL = 4;
    private static final RecordComponent[] FIELDS = Verdict.class.getRecordComponents();
    private static final Constructor<Verdict> CONSTRUCTOR = canonicalConstructor();

    private VerdictWire() {
    }

    /** Each non-null field of {@code verdict} as one length-delimited entry numbered {@code fieldNumber}. */
    static void write(CodedOutputStream out, int fieldNumber, Verdict verdict) throws IOException {
        for (RecordComponent field : FIELDS) {
            byte[] encoded = encodeField(field, verdict);
            if (encoded != null) {
                out.writeByteArray(fieldNumber, encoded);
            }
        }
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
        return InternalWire.write(out -> {
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

    /** Slots for the fields of one Verdict, to be filled by {@link #readField} and turned into a Verdict. */
    static Object[] emptyFields() {
        return new Object[FIELDS.length];
    }

    static void readField(CodedInputStream in, Object[] fields) throws IOException {
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
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i].getName().equals(name)) {
                fields[i] = value;
            }
        }
    }

    static Verdict verdict(Object[] received) {
        Object[] args = new Object[FIELDS.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = convert(FIELDS[i].getType(), received[i]);
        }
        try {
            return CONSTRUCTOR.newInstance(args);
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
        Class<?>[] types = new Class<?>[FIELDS.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = FIELDS[i].getType();
            convert(types[i], null); // fails at class load for a type this codec cannot carry
        }
        try {
            return Verdict.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Verdict has no canonical constructor", e);
        }
    }
}
