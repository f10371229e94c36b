package dev.landmarks.sink.submission;

import java.math.BigDecimal;

/**
 * Writes scores in plain decimal notation with exactly as many digits as needed to read the same number back
 * (the shortest round-trip form of the float or double), so a submission ranks predictions exactly as the
 * pipeline did: no two different scores collapse into a tie, and no exponent notation ("1.0E-4") appears.
 */
public final class Scores {
    private Scores() {
    }

    public static String format(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
        // A value that is exactly a float (every Result.score is) gets the float's shorter round-trip digits.
        String shortest = (double) (float) score == score ? Float.toString((float) score) : Double.toString(score);
        String plain = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }
}
