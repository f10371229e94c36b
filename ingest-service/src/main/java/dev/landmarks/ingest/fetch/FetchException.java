package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;

/** A source that could not be fetched, with the reason a FAILED result carries and a sentence a person understands. */
public final class FetchException extends Exception {
    private final FailureReason reason;

    public FetchException(FailureReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public FetchException(FailureReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
