package dev.landmarks.common.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written float &lt;-&gt; binary16 conversion of {@link FeaturesCodec}: exhaustive and table-driven. */
class HalfFloatTest {

    @Test
    void everyHalfSurvivesHalfToFloatToHalf() {
        for (int h = 0; h <= 0xffff; h++) {
            float f = FeaturesCodec.halfToFloat((short) h);
            short back = FeaturesCodec.floatToHalf(f);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(FeaturesCodec.halfToFloat(back)), "NaN stays NaN: " + Integer.toHexString(h));
            } else {
                assertEquals((short) h, back, "half 0x" + Integer.toHexString(h));
            }
        }
    }

    @ParameterizedTest(name = "{0} -> 0x{1}")
    @CsvSource({
            "0.0, 0000",
            "-0.0, 8000",
            "1.0, 3c00",
            "-2.0, c000",
            "65504.0, 7bff",          // largest half
            "65519.99, 7bff",         // just below the rounding point to infinity
            "65520.0, 7c00",          // halfway to the next (absent) value: ties to even = infinity
            "1e10, 7c00",
            "-1e10, fc00",
            "Infinity, 7c00",
            "-Infinity, fc00",
            "6.103515625E-5, 0400",   // smallest normal 2^-14
            "5.9604645E-8, 0001",     // smallest subnormal 2^-24
            "2.9802322E-8, 0000",     // exactly half the smallest subnormal: tie to even = zero
            "2.9802326E-8, 0001",     // just above that half: rounds up
            "1.0E-9, 0000",
            "1.00048828125, 3c00",    // 1 + 2^-11: tie between 0x3c00 and 0x3c01, even wins
            "1.00146484375, 3c02",    // 1 + 3*2^-11: tie between 0x3c01 and 0x3c02, even wins
            "0.333333333, 3555"
    })
    void knownValuesRoundToNearestEven(float value, String hex) {
        assertEquals((short) Integer.parseInt(hex, 16), FeaturesCodec.floatToHalf(value));
    }

    @Test
    void nanBecomesANaNHalf() {
        short h = FeaturesCodec.floatToHalf(Float.NaN);
        assertTrue(Float.isNaN(FeaturesCodec.halfToFloat(h)));
        // a NaN whose payload lives only in the low bits must not collapse into infinity
        short low = FeaturesCodec.floatToHalf(Float.intBitsToFloat(0x7f800001));
        assertTrue(Float.isNaN(FeaturesCodec.halfToFloat(low)));
    }

    @Test
    void randomFloatsGoToTheNearestHalf() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            float v = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(v) || Math.abs(v) > 65504f) {
                continue;
            }
            short h = FeaturesCodec.floatToHalf(v);
            double error = Math.abs((double) FeaturesCodec.halfToFloat(h) - v);
            for (int step : new int[]{-1, 1}) {
                short neighbour = (short) (h + step);
                float n = FeaturesCodec.halfToFloat(neighbour);
                if (Float.isFinite(n) && Math.signum(n) * Math.signum(v) >= 0) {
                    assertTrue(error <= Math.abs((double) n - v), "value " + v + " half " + h);
                }
            }
        }
    }
}
