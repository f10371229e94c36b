package dev.landmarks.cli.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints {@link Progress} lines for long work at most once per interval, and a final line when the task closes.
 * Thread-safe: workers call {@link Task#advance()} from any thread.
 */
public final class ProgressPrinter {
    private final PrintWriter out;
    private final Duration interval;

    public ProgressPrinter(PrintWriter out, Duration interval) {
        this.out = out;
        this.interval = interval;
    }

    public Task start(String what, long total) {
        return new Task(Progress.of(what, total));
    }

    public final class Task implements AutoCloseable {
        private final Progress progress;
        private final long started = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong nextPrint = new AtomicLong(System.nanoTime() + interval.toNanos());

        private Task(Progress progress) {
            this.progress = progress;
        }

        public void advance() {
            set(done.incrementAndGet());
        }

        /** Reports an absolute count (for counts observed elsewhere, e.g. results read from a topic). */
        public void set(long count) {
            done.set(count);
            long now = System.nanoTime();
            long next = nextPrint.get();
            if (now >= next && nextPrint.compareAndSet(next, now + interval.toNanos())) {
                print();
            }
        }

        public long done() {
            return done.get();
        }

        private synchronized void print() {
            out.println(progress.line(done.get(), Duration.ofNanos(System.nanoTime() - started)));
            out.flush();
        }

        @Override
        public void close() {
            print();
        }
    }
}
