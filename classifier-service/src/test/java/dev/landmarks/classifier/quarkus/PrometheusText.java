package dev.landmarks.classifier.quarkus;

import java.util.Map;
import java.util.OptionalDouble;

/** Reads one sample out of Prometheus' text format: the first line with the name and all the given labels. */
final class PrometheusText {
    private PrometheusText() {
    }

    static OptionalDouble value(String exposition, String name, Map<String, String> labels) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            String series = line.substring(0, end);
            boolean all = labels.entrySet().stream()
                    .allMatch(e -> series.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (all) {
                return OptionalDouble.of(Double.parseDouble(line.substring(end + 1)));
            }
        }
        return OptionalDouble.empty();
    }
}
