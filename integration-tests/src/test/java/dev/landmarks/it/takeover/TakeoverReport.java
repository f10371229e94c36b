package dev.landmarks.it.takeover;

import java.util.Set;

/**
 * What a takeover run measured.
 *
 * @param stage              the stage under test
 * @param records            inputs published (both waves)
 * @param firstWaveA         records instance A committed in the first wave (both instances running)
 * @param firstWaveB         records instance B committed in the first wave
 * @param partitionsA        input partitions A worked on before it was stopped
 * @param committedByA       records A committed in all, its last batch included (close() finishes it)
 * @param remainingAtStop    records not yet committed by anyone when A had stopped
 * @param committedByB       records B committed in all
 * @param takenOver          partitions of A that B worked on after A stopped
 * @param closeMillis        how long A's close() took (finishing and committing its batch in hand)
 * @param drainMillis        from A stopped to B having committed every remaining record
 */
public record TakeoverReport(String stage, int records, long firstWaveA, long firstWaveB, Set<Integer> partitionsA,
                             long committedByA, long remainingAtStop, long committedByB, Set<Integer> takenOver,
                             long closeMillis, long drainMillis) {
    @Override
    public String toString() {
        return String.format("%s takeover: %d records; first wave A=%d B=%d; A worked on partitions %s, was stopped "
                        + "after committing %d (close %d ms) with %d records left; B committed %d in all, took over "
                        + "partitions %s and drained the rest in %d ms",
                stage, records, firstWaveA, firstWaveB, partitionsA, committedByA, closeMillis, remainingAtStop,
                committedByB, takenOver, drainMillis);
    }
}
