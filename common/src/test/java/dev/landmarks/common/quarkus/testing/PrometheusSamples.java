package dev.landmarks.common.quarkus.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One scrape of /q/metrics (Prometheus' text format) seen from one batch service: every lookup adds the label
 * {@code service=<service>}. A sample is the first line with the name and all the given labels.
 */
public record PrometheusSamples(String exposition, String service) {
    public OptionalDouble value(String name, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put("service", service);
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            String series = line.substring(0, end);
            boolean matches = all.entrySet().stream()
                    .allMatch(e -> series.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (matches) {
                return OptionalDouble.of(Double.parseDouble(line.substring(end + 1)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The value of a sample that must be there. */
    public double require(String name, Map<String, String> labels) {
        return value(name, labels).orElseThrow(() -> new AssertionError(
                "no sample " + name + all(labels) + " in:\n" + exposition));
    }

    private String all(Map<String, String> labels) {
        Map<String, String> shown = new HashMap<>(labels);
        shown.put("service", service);
        return shown.toString();
    }

    @Override
    public String toString() {
        return exposition;
    }
}
