package dev.landmarks.common.features;

import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trips arrays -> proto -> bytes -> proto -> arrays in every encoding, with each encoding's error bound. */
class FeaturesCodecTest {
    private static final int DIM = 128;

    @ParameterizedTest
    @EnumSource(value = DescriptorEncoding.class, names = {"FLOAT32", "FLOAT16", "INT8"})
    void keypointsSurviveExactlyAndDescriptorsWithinTheEncodingsBound(DescriptorEncoding encoding) throws Exception {
        Features original = unitDescriptors(50, true, 7);

        Features decoded = roundTrip(original, encoding);

        assertEquals(original.extractor(), decoded.extractor());
        assertEquals(original.width(), decoded.width());
        assertEquals(original.height(), decoded.height());
        assertArrayEquals(original.x(), decoded.x());
        assertArrayEquals(original.y(), decoded.y());
        assertArrayEquals(original.scale(), decoded.scale());
        assertArrayEquals(original.strength(), decoded.strength());
        assertArrayEquals(original.orientation(), decoded.orientation());
        assertEquals(DIM, decoded.dim());
        float max = maxAbs(original.descriptors());
        for (int i = 0; i < original.descriptors().length; i++) {
            float v = original.descriptors()[i];
            float error = Math.abs(decoded.descriptors()[i] - v);
            float bound = switch (encoding) {
                case FLOAT32 -> 0f;
                case FLOAT16 -> Math.max(Math.abs(v) * 0x1p-11f, 0x1p-25f);
                case INT8 -> max / 254f * 1.0001f;
                default -> throw new AssertionError(encoding);
            };
            assertTrue(error <= bound, encoding + " value " + v + " decoded " + decoded.descriptors()[i]);
        }
    }

    @Test
    void orientationStaysAbsentWhenTheExtractorHasNone() throws Exception {
        Features decoded = roundTrip(unitDescriptors(5, false, 3), DescriptorEncoding.FLOAT16);

        assertEquals(0, decoded.orientation().length);
        assertEquals(5, decoded.size());
    }

    @ParameterizedTest
    @EnumSource(value = DescriptorEncoding.class, names = {"FLOAT32", "FLOAT16", "INT8"})
    void noKeypointsRoundTripsToNoKeypoints(DescriptorEncoding encoding) throws Exception {
        Features decoded = roundTrip(Features.empty("delf:abc", 640, 480, 40), encoding);

        assertEquals(0, decoded.size());
        assertEquals(40, decoded.dim());
        assertEquals(0, decoded.descriptors().length);
        assertEquals(640, decoded.width());
    }

    @Test
    void int8ScaleIsMaxOver127AndTheLargestValueIsExact() {
        Features f = unitDescriptors(3, false, 11);
        LocalFeatures p = FeaturesCodec.toProto(f, DescriptorEncoding.INT8).build();
        float max = maxAbs(f.descriptors());

        assertEquals(max / 127f, p.getDescriptorScale(), 1e-9f);
        assertEquals(f.size() * DIM, p.getDescriptors().size());
        assertEquals(max, maxAbs(FeaturesCodec.fromProto(p).descriptors()), max * 1e-6f);
    }

    @Test
    void allZeroDescriptorsGetAUsableInt8Scale() {
        float[] zeros = new float[2 * 4];
        Features f = new Features("t", 1, 1, new float[2], new float[2], new float[2], new float[2], new float[0], 4, zeros);

        LocalFeatures p = FeaturesCodec.toProto(f, DescriptorEncoding.INT8).build();

        assertEquals(1f, p.getDescriptorScale());
        assertArrayEquals(zeros, FeaturesCodec.fromProto(p).descriptors());
    }

    @Test
    void int8RefusesNonFiniteValues() {
        float[] d = {1f, Float.NaN};
        Features f = new Features("t", 1, 1, new float[1], new float[1], new float[1], new float[1], new float[0], 2, d);

        assertThrows(IllegalArgumentException.class, () -> FeaturesCodec.toProto(f, DescriptorEncoding.INT8));
    }

    @Test
    void sizesArePackedAsTheEncodingSays() {
        Features f = unitDescriptors(10, false, 5);

        assertEquals(10 * DIM * 4, FeaturesCodec.toProto(f, DescriptorEncoding.FLOAT32).getDescriptors().size());
        assertEquals(10 * DIM * 2, FeaturesCodec.toProto(f, DescriptorEncoding.FLOAT16).getDescriptors().size());
        assertEquals(10 * DIM, FeaturesCodec.toProto(f, DescriptorEncoding.INT8).getDescriptors().size());
    }

    @Test
    void descriptorsWithoutADeclaredEncodingAreRefused() {
        LocalFeatures p = FeaturesCodec.toProto(unitDescriptors(1, false, 1), DescriptorEncoding.FLOAT32)
                .setDescriptorEncoding(DescriptorEncoding.DESCRIPTOR_ENCODING_UNSPECIFIED).build();

        assertThrows(IllegalArgumentException.class, () -> FeaturesCodec.fromProto(p));
    }

    @Test
    void truncatedFloat16BytesAreRefused() {
        LocalFeatures p = FeaturesCodec.toProto(unitDescriptors(1, false, 1), DescriptorEncoding.FLOAT16).build();
        LocalFeatures cut = p.toBuilder().setDescriptors(p.getDescriptors().substring(1)).build();

        assertThrows(IllegalArgumentException.class, () -> FeaturesCodec.fromProto(cut));
    }

    private static Features roundTrip(Features f, DescriptorEncoding encoding) throws Exception {
        byte[] wire = FeaturesCodec.toProto(f, encoding).setImageId("img").build().toByteArray();
        return FeaturesCodec.fromProto(LocalFeatures.parseFrom(wire));
    }

    /** Non-negative L2-normalised vectors, like RootSIFT, with keypoints in a 640x480 grid. */
    static Features unitDescriptors(int n, boolean withOrientation, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        float[] y = new float[n];
        float[] scale = new float[n];
        float[] strength = new float[n];
        float[] orientation = new float[withOrientation ? n : 0];
        float[] d = new float[n * DIM];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() * 640;
            y[i] = random.nextFloat() * 480;
            scale[i] = 1 + random.nextFloat() * 30;
            strength[i] = random.nextFloat();
            if (withOrientation) {
                orientation[i] = random.nextFloat() * 360;
            }
            double norm = 0;
            for (int j = 0; j < DIM; j++) {
                float v = random.nextFloat() < 0.3f ? 0f : (float) Math.abs(random.nextGaussian());
                d[i * DIM + j] = v;
                norm += v * v;
            }
            for (int j = 0; j < DIM; j++) {
                d[i * DIM + j] /= (float) Math.sqrt(norm);
            }
        }
        return new Features("rootsift-test", 640, 480, x, y, scale, strength, orientation, DIM, d);
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
