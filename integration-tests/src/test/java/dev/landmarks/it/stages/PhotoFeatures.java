package dev.landmarks.it.stages;

import dev.landmarks.common.features.Features;
import dev.landmarks.common.image.ImageDecoder;
import dev.landmarks.common.image.ImageException;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.photos.SamplePhoto;
import dev.landmarks.it.photos.SamplePhotos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RootSIFT features of the sample photos, extracted with the delf-service's real extractor at the scenario's size,
 * for stages that consume features (classifier, verifier). Computed once per configuration and test JVM.
 */
public final class PhotoFeatures {
    private static final Map<RootSiftConfig, Map<String, Features>> CACHE = new ConcurrentHashMap<>();

    private PhotoFeatures() {
    }

    /** The extractor settings of the scenarios: photos are already this small, features few. */
    public static RootSiftConfig rootSift(ResilienceConfig config) {
        return RootSiftConfig.defaults().withSize(config.photoMaxSide(), config.maxFeatures());
    }

    /** Features of every sample photo by photo id (references first, in file order). */
    public static Map<String, Features> of(ResilienceConfig config) {
        return CACHE.computeIfAbsent(rootSift(config), rs -> extract(config, rs));
    }

    private static Map<String, Features> extract(ResilienceConfig config, RootSiftConfig rootSift) {
        Map<String, Features> out = new LinkedHashMap<>();
        try (RootSiftExtractor extractor = new RootSiftExtractor(rootSift)) {
            for (SamplePhoto p : SamplePhotos.all(config.photoMaxSide())) {
                out.put(p.id(), extractor.extract(ImageDecoder.decode(p.jpeg(), (long) p.width() * p.height())));
            }
        } catch (ImageException e) {
            throw new IllegalStateException("a re-encoded sample photo does not decode: " + e.getMessage(), e);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
