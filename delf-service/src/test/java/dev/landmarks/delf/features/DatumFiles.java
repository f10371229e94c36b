package dev.landmarks.delf.features;

import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test-side writer of DELF .datum files (DatumProto: shape = 1 {packed int64 dim = 1}, float_list = 2 {packed float value = 1}). */
final class DatumFiles {
    private DatumFiles() {
    }

    static void write(Path file, long[] shape, float[] values, boolean packed) throws IOException {
        ByteArrayOutputStream shapeBytes = new ByteArrayOutputStream();
        CodedOutputStream s = CodedOutputStream.newInstance(shapeBytes);
        if (packed) {
            int size = 0;
            for (long d : shape) {
                size += CodedOutputStream.computeInt64SizeNoTag(d);
            }
            s.writeTag(1, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
            s.writeUInt32NoTag(size);
            for (long d : shape) {
                s.writeInt64NoTag(d);
            }
        } else {
            for (long d : shape) {
                s.writeInt64(1, d);
            }
        }
        s.flush();

        ByteArrayOutputStream valueBytes = new ByteArrayOutputStream();
        CodedOutputStream v = CodedOutputStream.newInstance(valueBytes);
        if (packed) {
            v.writeTag(1, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
            v.writeUInt32NoTag(values.length * Float.BYTES);
            for (float f : values) {
                v.writeFloatNoTag(f);
            }
        } else {
            for (float f : values) {
                v.writeFloat(1, f);
            }
        }
        v.flush();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        o.writeByteArray(1, shapeBytes.toByteArray());
        o.writeByteArray(2, valueBytes.toByteArray());
        o.flush();
        Files.write(file, out.toByteArray());
    }
}
