package dev.landmarks.common.features;

import com.google.protobuf.ByteString;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link Features} &lt;-&gt; protobuf {@link LocalFeatures}. Descriptors are packed as the caller chooses;
 * decoding reads whatever encoding the message declares.
 */
public final class FeaturesCodec {
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
            default -> throw new IllegalArgumentException("unsupported descriptor encoding " + encoding);
        }
        return b;
    }

    public static Features fromProto(LocalFeatures p) {
        int n = p.getXCount();
        float[] descriptors = switch (p.getDescriptorEncoding()) {
            case FLOAT32 -> unpackFloat32(p.getDescriptors());
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
                n == 0 && descriptors.length == 0 ? p.getDescriptorDim() : p.getDescriptorDim(), descriptors);
    }

    private static ByteString packFloat32(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return ByteString.copyFrom(buf.array());
    }

    private static float[] unpackFloat32(ByteString bytes) {
        float[] out = new float[bytes.size() / 4];
        bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private static float[] toArray(java.util.List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
