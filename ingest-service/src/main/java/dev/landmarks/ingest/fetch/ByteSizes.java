package dev.landmarks.ingest.fetch;

import java.util.Locale;

/** Byte counts as people say them, in decimal units: "20 MB", "1.5 MB", "830 kB", "12 bytes". */
final class ByteSizes {
    private ByteSizes() {
    }

    static String describe(long bytes) {
        if (bytes >= 1_000_000) {
            return bytes % 1_000_000 == 0 ? bytes / 1_000_000 + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1_000) {
            return bytes % 1_000 == 0 ? bytes / 1_000 + " kB" : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return bytes + " bytes";
    }
}
