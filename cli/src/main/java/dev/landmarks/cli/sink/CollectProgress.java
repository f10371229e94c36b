package dev.landmarks.cli.sink;

import dev.landmarks.cli.progress.Progress;
import dev.landmarks.sink.ResultsCollector;

import java.util.function.Consumer;

/** The progress lines of a collection ("collect: 40/80 (50%), 12.5/s, ETA 3s, 3s elapsed") for the terminal. */
public final class CollectProgress {
    private CollectProgress() {
    }

    /**
     * A listener that prints each progress report as a line.
     *
     * @param expected how many ids are awaited; 0 = read to the end of the topic (no total, no ETA)
     */
    public static ResultsCollector.Listener printingTo(Consumer<String> out, int expected) {
        Progress progress = expected == 0 ? Progress.unbounded("results") : Progress.of("results", expected);
        return (done, elapsed) -> out.accept("collect: " + progress.line(done, elapsed));
    }
}
