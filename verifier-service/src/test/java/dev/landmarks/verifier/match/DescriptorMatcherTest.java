package dev.landmarks.verifier.match;

import dev.landmarks.common.features.Features;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.landmarks.common.config.Settings;

/**
 * Two-dimensional descriptors small enough to check by hand.
 * Reference: r0 (0,0), r1 (10,0), r2 (0,10), r3 (10,10).
 * Query: q0 (1,0) and q1 (0.5,0) both nearest r0; q2 (0,9) nearest r2; q3 (10,5) equidistant from r1 and r3, so it
 * fails the ratio test but is r1's nearest query point; q4 (10,-6) nearest r1 at 6 (next r0 at 11.7).
 */
class DescriptorMatcherTest {
    private static final Features REFERENCE = features(0, 0, 10, 0, 0, 10, 10, 10);
    private static final Features QUERY = features(1, 0, 0.5f, 0, 0, 9, 10, 5, 10, -6);

    @Test
    void ratioTestKeepsEveryUnambiguousNearestNeighbour() {
        Matches m = match(MatchMode.RATIO);
        // sorted by distance: q1 (0.5), q0 (1), q2 (1), q4 (6); q3 is ambiguous
        assertArrayEquals(new int[] {1, 0, 2, 4}, m.query());
        assertArrayEquals(new int[] {0, 0, 2, 1}, m.reference());
        assertArrayEquals(new float[] {0.5f, 1f, 1f, 6f}, m.distance(), 1e-5f);
    }

    @Test
    void oneToOneUsesEachReferenceKeypointOnceKeepingTheClosest() {
        Matches m = match(MatchMode.ONE_TO_ONE);
        assertArrayEquals(new int[] {1, 2, 4}, m.query());
        assertArrayEquals(new int[] {0, 2, 1}, m.reference());
    }

    @Test
    void mutualAlsoDropsMatchesWhoseReferencePrefersAnotherQueryPoint() {
        Matches m = match(MatchMode.MUTUAL);
        // r1's nearest query point is q3 (distance 5), not q4 (distance 6)
        assertArrayEquals(new int[] {1, 2}, m.query());
        assertArrayEquals(new int[] {0, 2}, m.reference());
    }

    @Test
    void theBackwardSearchOnlyTheMutualCheckNeedsCanBeSkipped() {
        NearestNeighbours both = NearestNeighbours.compute(QUERY, REFERENCE, 0.8);
        NearestNeighbours forward = NearestNeighbours.compute(QUERY, REFERENCE, 0.8, false);
        assertArrayEquals(both.nearest(), forward.nearest());
        assertArrayEquals(both.nearestDistance(), forward.nearestDistance(), 1e-6f);
        assertArrayEquals(both.secondDistance(), forward.secondDistance(), 1e-6f);
        assertArrayEquals(new int[] {-1, -1, -1, -1}, forward.reverseNearest());
        assertEquals(3, both.reverseNearest()[1], "r1's nearest query point is q3");
        assertArrayEquals(DescriptorMatcher.select(both, MatchMode.ONE_TO_ONE).query(),
                DescriptorMatcher.select(forward, MatchMode.ONE_TO_ONE).query());
    }

    @Test
    void emptySidesGiveNoMatches() {
        Features empty = Features.empty("test", 10, 10, 2);
        var matcher = new DescriptorMatcher(MatchConfig.defaults());
        assertEquals(0, matcher.match(empty, REFERENCE).size());
        assertEquals(0, matcher.match(QUERY, empty).size());
    }

    @Test
    void aSingleReferenceDescriptorCannotFailTheRatioTest() {
        Matches m = new DescriptorMatcher(MatchConfig.defaults()).match(QUERY, features(0, 0));
        assertEquals(1, m.size(), "one-to-one keeps only the closest of the five");
        assertEquals(1, m.query()[0]);
    }

    @Test
    void descriptorSizesMustAgree() {
        Features threeDim = new Features("test", 10, 10, new float[1], new float[1], new float[1], new float[1],
                new float[0], 3, new float[3]);
        assertThrows(IllegalArgumentException.class,
                () -> new DescriptorMatcher(MatchConfig.defaults()).match(QUERY, threeDim));
    }

    @Test
    void configFromSettings() {
        assertEquals(new MatchConfig(0.7, MatchMode.MUTUAL),
                MatchConfig.from(Settings.of(Map.of("match.ratio", "0.7", "match.mode", "mutual"))));
        assertEquals(MatchConfig.defaults(), MatchConfig.from(Settings.of(Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> MatchConfig.from(Settings.of(Map.of("match.mode", "closest"))));
        assertThrows(IllegalArgumentException.class, () -> new MatchConfig(1.2, MatchMode.RATIO));
    }

    private static Matches match(MatchMode mode) {
        return new DescriptorMatcher(MatchConfig.defaults().withMode(mode)).match(QUERY, REFERENCE);
    }

    /** Features whose descriptors are the given 2-D points (keypoint positions are irrelevant here). */
    private static Features features(float... xy) {
        int n = xy.length / 2;
        return new Features("test", 100, 100, new float[n], new float[n], new float[n], new float[n], new float[0],
                2, xy.clone());
    }
}
