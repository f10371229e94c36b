package dev.landmarks.cli.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time of each phase of a run, in the order they ended. */
final class Phases {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void mark(String phase) {
        long now = System.nanoTime();
        seconds.put(phase, (now - last) / 1e9);
        last = now;
    }

    Map<String, Double> seconds() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }
}
