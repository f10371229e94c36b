package dev.landmarks.verifier.match;

import dev.landmarks.common.config.Settings;

import java.util.Locale;

/**
 * Descriptor matching settings.
 *
 * @param ratio Lowe's ratio test: keep a match when nearest distance &lt; ratio * second-nearest distance; 1 disables
 *              it. Key {@code match.ratio}, default 0.8.
 * @param mode  how correspondences are made unique ({@link MatchMode}). Key {@code match.mode}
 *              (ratio | mutual | one_to_one), default one_to_one, which verified best on the dev set.
 */
public record MatchConfig(double ratio, MatchMode mode) {
    public static final double DEFAULT_RATIO = 0.8;
    public static final MatchMode DEFAULT_MODE = MatchMode.ONE_TO_ONE;

    public MatchConfig {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("match.ratio must be in (0, 1], was " + ratio);
        }
        if (mode == null) {
            throw new IllegalArgumentException("match.mode is required");
        }
    }

    public static MatchConfig defaults() {
        return new MatchConfig(DEFAULT_RATIO, DEFAULT_MODE);
    }

    public static MatchConfig from(Settings s) {
        String mode = s.string("match.mode", DEFAULT_MODE.name());
        try {
            return new MatchConfig(s.decimal("match.ratio", DEFAULT_RATIO),
                    MatchMode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("match.")) {
                throw e;
            }
            throw new IllegalArgumentException("match.mode must be ratio, mutual or one_to_one, was " + mode, e);
        }
    }

    public MatchConfig withMode(MatchMode m) {
        return new MatchConfig(ratio, m);
    }
}
