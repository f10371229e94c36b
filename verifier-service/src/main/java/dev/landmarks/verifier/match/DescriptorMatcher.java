package dev.landmarks.verifier.match;

import dev.landmarks.common.features.Features;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Query-to-reference descriptor matching: exhaustive L2 nearest neighbours (Hellinger on RootSIFT), Lowe's ratio
 * test, then the uniqueness rule of the configured {@link MatchMode}. Output: {@link Matches} sorted by distance.
 */
public final class DescriptorMatcher {
    private final MatchConfig config;

    public DescriptorMatcher(MatchConfig config) {
        this.config = config;
    }

    public MatchConfig config() {
        return config;
    }

    public Matches match(Features query, Features reference) {
        boolean mutual = config.mode() == MatchMode.MUTUAL;
        return select(NearestNeighbours.compute(query, reference, config.ratio(), mutual), config.mode());
    }

    /** The matches of one mode from a neighbour search done once (the evaluation compares modes this way). */
    public static Matches select(NearestNeighbours nn, MatchMode mode) {
        int nq = nn.nearest().length;
        Integer[] survivors = new Integer[nq];
        int count = 0;
        for (int i = 0; i < nq; i++) {
            if (nn.passesRatio(i) && (mode != MatchMode.MUTUAL || nn.reverseNearest()[nn.nearest()[i]] == i)) {
                survivors[count++] = i;
            }
        }
        Integer[] order = Arrays.copyOf(survivors, count);
        // Ascending distance, ties by query index: the greedy one-to-one pass keeps the closest of competing matches.
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> nn.nearestDistance()[i])
                .thenComparingInt(i -> i));
        boolean[] used = new boolean[nn.reverseNearest().length];
        int[] q = new int[count];
        int[] r = new int[count];
        float[] d = new float[count];
        int kept = 0;
        for (int i : order) {
            int j = nn.nearest()[i];
            if (mode == MatchMode.ONE_TO_ONE) {
                if (used[j]) {
                    continue;
                }
                used[j] = true;
            }
            q[kept] = i;
            r[kept] = j;
            d[kept] = nn.nearestDistance()[i];
            kept++;
        }
        return new Matches(Arrays.copyOf(q, kept), Arrays.copyOf(r, kept), Arrays.copyOf(d, kept));
    }
}
