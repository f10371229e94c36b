package dev.landmarks.it.crash;

/**
 * What a verifier crash-and-restart run measured.
 *
 * @param restart             "in place" (same state directory) or "replacement" (empty state directory)
 * @param images              query images published (features and candidates for each)
 * @param answeredBeforeCrash images whose result the first instance had committed when it died
 * @param callsBeforeCrash    verifications the first instance ran, the crashed one included
 * @param callsAfterRestart   verifications the restarted instance ran
 * @param restartMillis       from starting the new instance to every image answered
 */
public record VerifierCrashReport(String restart, int images, int answeredBeforeCrash, int callsBeforeCrash, int callsAfterRestart,
                                  long restartMillis) {
    @Override
    public String toString() {
        return String.format("verifier crash, restart %s: %d images; %d answered before the crash after %d "
                        + "verifications; the new instance ran %d verifications and all were answered %d ms after "
                        + "its start", restart, images, answeredBeforeCrash, callsBeforeCrash, callsAfterRestart, restartMillis);
    }
}
