package dev.landmarks.classifier.candidates;

import dev.landmarks.classifier.model.ImageModel;

/** Which signature output a generator reads: the configured one, else the only one, else the conventional name. */
final class OutputChoice {
    private OutputChoice() {
    }

    static String pick(ImageModel model, String configured, String conventional) {
        var names = model.outputNames();
        String chosen = configured != null && !configured.isBlank() ? configured
                : names.size() == 1 ? names.iterator().next() : conventional;
        if (!names.contains(chosen)) {
            throw new IllegalArgumentException("the model's signature has no output '" + chosen + "'; it has " + names);
        }
        return chosen;
    }
}
