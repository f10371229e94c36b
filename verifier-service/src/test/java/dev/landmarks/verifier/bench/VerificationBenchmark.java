package dev.landmarks.verifier.bench;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.verifier.verify.GeometricVerifier;
import dev.landmarks.verifier.verify.Reference;
import dev.landmarks.verifier.verify.VerifyConfig;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-image extraction time and per-pair verification time on the photos of the bundled sample (so anyone can run
 * it), for the configured extraction (rootsift.*) and verification (match.*, ransac.*). Every photo is extracted
 * and every ordered pair of distinct photos is verified once after a warm-up round. Settings: bench.sample (default
 * sample, or ../sample from a module directory), bench.rounds (default 1), bench.max-pairs (default 400).
 */
public final class VerificationBenchmark {
    private VerificationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Settings s = Settings.fromEnvironment();
        Path sample = s.path("bench.sample").orElse(Files.isDirectory(Path.of("sample")) ? Path.of("sample")
                : Path.of("../sample"));
        int rounds = s.integer("bench.rounds", 1);
        int maxPairs = s.integer("bench.max-pairs", 400);
        RootSiftExtractor extractor = new RootSiftExtractor(RootSiftConfig.from(s));
        GeometricVerifier verifier = new GeometricVerifier(VerifyConfig.from(s));
        List<BufferedImage> images = new ArrayList<>();
        for (String part : List.of("train", "test")) {
            try (var files = Files.walk(sample.resolve(part))) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    images.add(ImageIO.read(p.toFile()));
                }
            }
        }
        System.out.printf("%d photos from %s; extractor %s; %s; %d available processors%n", images.size(), sample,
                extractor.id(), verifier.config(), Runtime.getRuntime().availableProcessors());
        extractor.extract(images.get(0));
        List<Double> extract = new ArrayList<>();
        List<Features> features = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            features.clear();
            for (BufferedImage img : images) {
                long t0 = System.nanoTime();
                features.add(extractor.extract(img));
                extract.add((System.nanoTime() - t0) / 1e6);
            }
        }
        DevSetEvaluation.printTimes("extraction per image, ms", extract);
        System.out.printf("keypoints per image: mean %.0f%n",
                features.stream().mapToInt(Features::size).average().orElse(0));
        verifier.compare(features.get(0), new Reference("", "warm-up", features.get(1)));
        List<Double> verify = new ArrayList<>();
        int pairs = 0;
        outer:
        for (int i = 0; i < features.size(); i++) {
            for (int j = 0; j < features.size(); j++) {
                if (i == j) {
                    continue;
                }
                if (pairs++ == maxPairs) {
                    break outer;
                }
                long t0 = System.nanoTime();
                verifier.compare(features.get(i), new Reference("", "r" + j, features.get(j)));
                verify.add((System.nanoTime() - t0) / 1e6);
            }
        }
        DevSetEvaluation.printTimes("verification per pair (match + RANSAC), ms", verify);
    }
}
