package dev.landmarks.delf.features;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a float tensor stored the way DELF stores its PCA parameters ({@code .datum} files: a serialized
 * {@code delf.protos.DatumProto}: {@code shape} (field 1, a DatumShape with packed int64 {@code dim} = 1) and
 * {@code float_list} (field 2, a FloatList with packed float {@code value} = 1), row-major). Parsed with the
 * protobuf wire reader so no DELF proto classes are needed; unknown fields are skipped.
 *
 * @param shape  dimensions, outermost first
 * @param values {@code product(shape)} values, row-major
 */
public record DatumFile(long[] shape, float[] values) {
    private static final int SHAPE = 1;
    private static final int FLOAT_LIST = 2;
    private static final int REPEATED_VALUE = 1;

    public DatumFile {
        long expected = Arrays.stream(shape).reduce(1L, Math::multiplyExact);
        if (expected != values.length) {
            throw new IllegalArgumentException(
                    "datum shape " + Arrays.toString(shape) + " needs " + expected + " values, has " + values.length);
        }
    }

    public static DatumFile read(Path file) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(Files.readAllBytes(file));
        long[] shape = new long[0];
        float[] values = new float[0];
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == SHAPE && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                shape = readDims(CodedInputStream.newInstance(in.readByteArray()));
            } else if (field == FLOAT_LIST && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                values = readFloats(CodedInputStream.newInstance(in.readByteArray()));
            } else {
                in.skipField(tag);
            }
        }
        try {
            return new DatumFile(shape, values);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static long[] readDims(CodedInputStream in) throws IOException {
        long[] dims = new long[8];
        int n = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) != REPEATED_VALUE) {
                in.skipField(tag);
                continue;
            }
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (in.getBytesUntilLimit() > 0) {
                    dims = grow(dims, n);
                    dims[n++] = in.readInt64();
                }
                in.popLimit(limit);
            } else {
                dims = grow(dims, n);
                dims[n++] = in.readInt64();
            }
        }
        return Arrays.copyOf(dims, n);
    }

    private static float[] readFloats(CodedInputStream in) throws IOException {
        float[] out = new float[0];
        int n = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) != REPEATED_VALUE) {
                in.skipField(tag);
                continue;
            }
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int length = in.readRawVarint32();
                int limit = in.pushLimit(length);
                out = Arrays.copyOf(out, n + length / Float.BYTES);
                while (in.getBytesUntilLimit() > 0) {
                    out[n++] = in.readFloat();
                }
                in.popLimit(limit);
            } else {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.max(16, n * 2));
                }
                out[n++] = in.readFloat();
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static long[] grow(long[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }
}
