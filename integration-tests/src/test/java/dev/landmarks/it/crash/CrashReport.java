package dev.landmarks.it.crash;

/**
 * What a crash-and-restart run measured.
 *
 * @param stage              the service under test
 * @param records            inputs published
 * @param committedBefore    inputs whose answers the first instance committed before it died
 * @param crashedBatch       inputs of the batch (or, for the verifier, verifications) in hand when it died
 * @param redoneAfterRestart inputs the restarted instance processed (the crashed batch included)
 * @param restartMillis      from starting the new instance to every input answered
 */
public record CrashReport(String stage, int records, long committedBefore, long crashedBatch,
                          long redoneAfterRestart, long restartMillis) {
    @Override
    public String toString() {
        return String.format("%s crash: %d records; %d committed before the crash, %d in hand when it struck; "
                        + "the restarted instance processed %d and all were answered %d ms after its start",
                stage, records, committedBefore, crashedBatch, redoneAfterRestart, restartMillis);
    }
}
