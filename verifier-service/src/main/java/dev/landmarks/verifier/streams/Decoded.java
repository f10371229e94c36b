package dev.landmarks.verifier.streams;

/**
 * A record's value after parsing: the message, or (when it could not be read) the raw bytes bound for the DLQ.
 */
record Decoded<V>(V message, byte[] raw) {
    boolean readable() {
        return message != null;
    }
}
