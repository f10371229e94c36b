package dev.landmarks.it.crash;

/**
 * The verifier's injected crash. An {@link Error}, not an exception: the verifier turns an exception of its
 * verification function into a failed verdict by design (a bad input must not stop the service), so only an error,
 * as when the process runs out of memory, stops the Kafka Streams thread the way a kill does.
 */
public final class InjectedCrash extends Error {
    public InjectedCrash(String message) {
        super(message);
    }

    /** True when {@code t} or one of its causes is an injected crash. */
    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InjectedCrash) {
                return true;
            }
        }
        return false;
    }
}
