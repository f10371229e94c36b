package dev.landmarks.cli;

/** Exit codes of the landmarks command, documented in docs/cli.md. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** The command could not do its job (unreadable file, unreachable broker ...); stderr says why. */
    public static final int FAILURE = 1;
    /** Wrong command line: unknown option, missing argument, missing --bootstrap-servers. */
    public static final int USAGE = 2;
    /** Finished but incomplete: collect timed out before every expected id had a result. */
    public static final int INCOMPLETE = 3;

    private ExitCodes() {
    }
}
