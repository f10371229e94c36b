package dev.landmarks.cli.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Progress lines for long-running commands: "collect: 40/80 (50%), 12.5/s, ETA 3s". Pure: the caller passes the
 * elapsed time, so the text can be tested without waiting.
 *
 * @param what  what is counted, e.g. "results"
 * @param total how many are expected, when known
 */
public record Progress(String what, OptionalLong total) {
    public static Progress of(String what, long total) {
        return new Progress(what, OptionalLong.of(total));
    }

    public static Progress unbounded(String what) {
        return new Progress(what, OptionalLong.empty());
    }

    public String line(long done, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder s = new StringBuilder();
        s.append(done);
        total.ifPresent(t -> s.append('/').append(t)
                .append(String.format(Locale.ROOT, " (%d%%)", t == 0 ? 100 : Math.round(100.0 * done / t))));
        s.append(' ').append(what).append(String.format(Locale.ROOT, ", %.1f/s", rate));
        if (total.isPresent()) {
            long left = Math.max(0, total.getAsLong() - done);
            s.append(", ETA ").append(left == 0 ? "0s" : rate > 0 ? duration(Math.round(left / rate)) : "unknown");
        }
        s.append(", ").append(duration(Math.round(seconds))).append(" elapsed");
        return s.toString();
    }

    /** "45s", "3m05s", "1h02m". */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
