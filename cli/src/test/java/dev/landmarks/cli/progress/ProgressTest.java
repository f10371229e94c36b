package dev.landmarks.cli.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressTest {
    @Test
    void boundedProgressShowsShareRateAndEta() {
        assertEquals("40/80 (50%) results, 4.0/s, ETA 10s, 10s elapsed",
                Progress.of("results", 80).line(40, Duration.ofSeconds(10)));
    }

    @Test
    void nothingDoneYetHasNoEta() {
        assertEquals("0/80 (0%) results, 0.0/s, ETA unknown, 2s elapsed",
                Progress.of("results", 80).line(0, Duration.ofSeconds(2)));
    }

    @Test
    void unboundedProgressHasNoEta() {
        assertEquals("12 results, 6.0/s, 2s elapsed", Progress.unbounded("results").line(12, Duration.ofSeconds(2)));
    }

    @Test
    void longDurationsUseMinutesAndHours() {
        assertEquals("3m05s", Progress.duration(185));
        assertEquals("1h02m", Progress.duration(3720));
    }
}
