package dev.landmarks.it.crash;

/**
 * The batch stages' injected crash: an exception thrown by the handler after the real work was done. The
 * {@link dev.landmarks.common.kafka.BatchHandler} contract makes any exception abort the batch's transaction, and
 * the loop stops; as after a kill, nothing of the batch is committed and a new instance must redo it.
 */
public final class InjectedFailure extends RuntimeException {
    public InjectedFailure(String message) {
        super(message);
    }

    /** True when {@code t} or one of its causes is an injected failure. */
    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InjectedFailure) {
                return true;
            }
        }
        return false;
    }
}
