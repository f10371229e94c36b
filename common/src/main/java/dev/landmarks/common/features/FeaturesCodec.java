package dev.landmarks.common.features;

import com.google.protobuf.ByteString;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * {@link Features} &lt;-&gt; protobuf {@link LocalFeatures}. Descriptors are packed as the caller chooses
 * (FLOAT32, FLOAT16 or INT8 with one scale per message); decoding reads whatever encoding the message declares.
 * Error bounds per value: FLOAT32 exact; FLOAT16 at most 2^-11 of the value's magnitude (2^-25 absolute below 2^-14);
 * INT8 at most half a step, {@code max|value| / 254}.
 */
public final class FeaturesCodec {
    /** Largest INT8 code used: symmetric range, so -128 is never produced. */
    static final int INT8_LEVELS = 127;

    private FeaturesCodec() {
    }

    /** The proto with keypoints and packed descriptors; ids, labels and timings are the caller's to add. */
    public static LocalFeatures.Builder toProto(Features f, DescriptorEncoding encoding) {
        LocalFeatures.Builder b = LocalFeatures.newBuilder()
                .setExtractor(f.extractor())
                .setImageWidth(f.width())
                .setImageHeight(f.height())
                .setDescriptorDim(f.dim())
                .setDescriptorEncoding(encoding);
        for (int i = 0; i < f.size(); i++) {
            b.addX(f.x()[i]).addY(f.y()[i]).addScale(f.scale()[i]).addStrength(f.strength()[i]);
        }
        for (float o : f.orientation()) {
            b.addOrientation(o);
        }
        switch (encoding) {
            case FLOAT32 -> b.setDescriptors(packFloat32(f.descriptors())).setDescriptorScale(1f);
            case FLOAT16 -> b.setDescriptors(packFloat16(f.descriptors())).setDescriptorScale(1f);
            case INT8 -> {
                float scale = int8Scale(f.descriptors());
                b.setDescriptors(packInt8(f.descriptors(), scale)).setDescriptorScale(scale);
            }
            default -> throw new IllegalArgumentException("unsupported descriptor encoding " + encoding);
        }
        return b;
    }

    public static Features fromProto(LocalFeatures p) {
        float[] descriptors = switch (p.getDescriptorEncoding()) {
            case FLOAT32 -> unpackFloat32(p.getDescriptors());
            case FLOAT16 -> unpackFloat16(p.getDescriptors());
            case INT8 -> unpackInt8(p.getDescriptors(), p.getDescriptorScale());
            case DESCRIPTOR_ENCODING_UNSPECIFIED -> {
                if (!p.getDescriptors().isEmpty()) {
                    throw new IllegalArgumentException("descriptors present but their encoding is unspecified");
                }
                yield new float[0];
            }
            default -> throw new IllegalArgumentException("unsupported descriptor encoding " + p.getDescriptorEncoding());
        };
        return new Features(p.getExtractor(), p.getImageWidth(), p.getImageHeight(),
                toArray(p.getXList()), toArray(p.getYList()), toArray(p.getScaleList()),
                toArray(p.getStrengthList()), toArray(p.getOrientationList()),
                p.getDescriptorDim(), descriptors);
    }

    /** The INT8 step for these values: max |value| / 127, or 1 when all are zero (so the scale is never 0). */
    static float int8Scale(float[] values) {
        float max = 0f;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("INT8 cannot encode the non-finite descriptor value " + v);
            }
            max = Math.max(max, Math.abs(v));
        }
        return max == 0f ? 1f : max / INT8_LEVELS;
    }

    private static ByteString packFloat32(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return ByteString.copyFrom(buf.array());
    }

    private static float[] unpackFloat32(ByteString bytes) {
        requireMultiple(bytes, Float.BYTES, "FLOAT32");
        float[] out = new float[bytes.size() / Float.BYTES];
        bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private static ByteString packFloat16(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putShort(floatToHalf(v));
        }
        return ByteString.copyFrom(buf.array());
    }

    private static float[] unpackFloat16(ByteString bytes) {
        requireMultiple(bytes, 2, "FLOAT16");
        ByteBuffer buf = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.size() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = halfToFloat(buf.getShort());
        }
        return out;
    }

    private static ByteString packInt8(float[] values, float scale) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            long q = Math.round(values[i] / (double) scale);
            out[i] = (byte) Math.max(-INT8_LEVELS, Math.min(INT8_LEVELS, q));
        }
        return ByteString.copyFrom(out);
    }

    private static float[] unpackInt8(ByteString bytes, float scale) {
        if (!(scale > 0f) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("INT8 descriptors need a positive finite descriptor_scale, was " + scale);
        }
        float[] out = new float[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.byteAt(i) * scale;
        }
        return out;
    }

    /**
     * IEEE 754 binary16 bits of {@code value}, rounded to nearest, ties to even (Java 17 has no
     * Float.floatToFloat16). Overflow gives infinity, tiny values become subnormal or signed zero, NaN stays NaN.
     */
    static short floatToHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            // infinity keeps a zero mantissa; NaN gets the quiet bit so no payload can turn it into infinity
            return (short) (sign | 0x7c00 | (mantissa == 0 ? 0 : 0x200 | (mantissa >>> 13)));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign; // below half the smallest subnormal (2^-25): rounds to zero
            }
            // subnormal result: shift the significand (with its implicit 1) right, rounding what falls off
            return (short) (sign | roundShift(mantissa | 0x800000, 14 - halfExponent));
        }
        // a carry out of the mantissa correctly bumps the exponent, up to infinity
        return (short) (sign | roundShift((halfExponent << 23) | mantissa, 13));
    }

    /** {@code value >>> shift}, rounded to nearest with ties to even. */
    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        int dropped = value & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (dropped > halfway || (dropped == halfway && (kept & 1) != 0)) {
            kept++;
        }
        return kept;
    }

    /** The float value of IEEE 754 binary16 bits (exact: every half is a float). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    private static void requireMultiple(ByteString bytes, int width, String encoding) {
        if (bytes.size() % width != 0) {
            throw new IllegalArgumentException(
                    encoding + " descriptors need a multiple of " + width + " bytes, got " + bytes.size());
        }
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
