package dev.landmarks.it.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition that another thread makes true (a loop's progress, a Streams state), with a deadline. */
public final class Await {
    /** Between two looks: short next to a batch (tens of milliseconds), long enough not to spin. */
    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails the test naming {@code what} when it has not by the deadline. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out after " + deadline.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
    }
}
