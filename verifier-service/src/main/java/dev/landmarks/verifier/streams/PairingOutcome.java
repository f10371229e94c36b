package dev.landmarks.verifier.streams;

import dev.landmarks.proto.Result;

/** What pairing an image's features with its candidates yields: verification work per candidate, or at once a result. */
sealed interface PairingOutcome {
    /** Keyed by landmark id. */
    record Fanout(VerificationTask task) implements PairingOutcome {
    }

    /** Keyed by image id: the image had no candidates. */
    record Answered(Result result) implements PairingOutcome {
    }
}
