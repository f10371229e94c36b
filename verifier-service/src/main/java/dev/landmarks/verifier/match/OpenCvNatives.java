package dev.landmarks.verifier.match;

/** Loads the OpenCV natives bundled in the openpnp jar, once per class loader, before any OpenCV call. */
public final class OpenCvNatives {
    private static boolean loaded;

    private OpenCvNatives() {
    }

    public static synchronized void load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
    }
}
