package dev.landmarks.delf.service;

import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.delf.SampleData;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.StageTiming;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What compact descriptors cost and save, on real RootSIFT descriptors of the sample photos at the RootSIFT
 * defaults: message sizes per encoding, per-value error, and how many ratio-test matches of same-landmark pairs
 * survive quantisation. By default a quick check (one pair, 1000 features at 640 px) keeps the suite fast;
 * {@code -Dmeasure.full=true} runs every pair at the RootSIFT defaults and writes the figures quoted in
 * docs/features.md to target/descriptor-encodings.txt.
 */
class DescriptorEncodingMeasurementTest {
    private static final boolean FULL = Boolean.getBoolean("measure.full");
    /** Lowe's ratio: a match counts when the nearest is clearly nearer than the second nearest. */
    private static final float RATIO = 0.8f;
    private static final DescriptorEncoding[] ENCODINGS =
            {DescriptorEncoding.FLOAT32, DescriptorEncoding.FLOAT16, DescriptorEncoding.INT8};
    /** query (sample/test) -> reference (sample/train) of the same landmark. */
    private static final List<String[]> PAIRS = List.of(
            new String[]{"test/1b940c2c54944a53.png", "train/opencv_graf/2b8de19480fdc436.png"},
            new String[]{"test/292abf78f14d9af4.jpg", "train/sacre_coeur/1054b7e1d15a7ef7.jpg"},
            new String[]{"test/f07654609b0b920e.jpg", "train/opencv_aero/29da7f6bce9bf91e.jpg"},
            new String[]{"test/f1c01414464437c8.jpg", "train/opencv_leuven/2bd4c5e0a2b5e93c.jpg"},
            new String[]{"test/68b0643b3d26ad2c.png", "train/opencv_box/d71b0dde6bd743a5.png"});

    static RootSiftExtractor extractor;
    static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void extractor() {
        extractor = new RootSiftExtractor(FULL ? RootSiftConfig.defaults() : RootSiftConfig.defaults().withSize(640, 1000));
        report.add("RootSIFT " + extractor.id() + ", " + (FULL ? "all pairs" : "first pair only"));
    }

    @AfterAll
    static void writeReport() throws IOException {
        extractor.close();
        report.forEach(System.out::println);
        if (FULL) {
            Files.write(Path.of("target", "descriptor-encodings.txt"), report);
        }
    }

    @Test
    void messageSizesFor1000And4000Keypoints() throws IOException {
        Features features = extract("train/sacre_coeur/1054b7e1d15a7ef7.jpg");
        assertTrue(features.size() >= Math.min(1000, extractor.config().maxFeatures()),
                "enough keypoints for the 1000 row: " + features.size());
        for (int n : new int[]{1000, 4000}) {
            Features f = FeatureRecords.strongest(features, Math.min(n, features.size()));
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "size n=%d (have %d):", n, f.size()));
            for (DescriptorEncoding e : ENCODINGS) {
                LocalFeatures message = FeaturesCodec.toProto(f, e).setImageId("1054b7e1d15a7ef7")
                        .setSourceUrl("train/sacre_coeur/1054b7e1d15a7ef7.jpg").setLandmarkId("sacre_coeur")
                        .setRequestedAtMs(1_795_000_000_000L)
                        .addTimings(StageTiming.newBuilder().setStage("features").setMillis(123.4)).build();
                int descriptorBytes = f.size() * f.dim() * switch (e) {
                    case FLOAT32 -> 4;
                    case FLOAT16 -> 2;
                    default -> 1;
                };
                assertEquals(descriptorBytes, message.getDescriptors().size());
                row.append(String.format(Locale.ROOT, " %s %d B (descriptors %d B);", e, message.getSerializedSize(),
                        descriptorBytes));
            }
            report.add(row.toString());
        }
    }

    @Test
    void perValueErrorOnRealRootSiftDescriptors() throws IOException {
        List<String> photos = FULL
                ? PAIRS.stream().flatMap(p -> java.util.stream.Stream.of(p[0], p[1])).toList()
                : List.of(PAIRS.get(0)[1]);
        for (DescriptorEncoding e : new DescriptorEncoding[]{DescriptorEncoding.FLOAT16, DescriptorEncoding.INT8}) {
            double max = 0;
            double sum = 0;
            long count = 0;
            double maxOverBound = 0;
            for (String photo : photos) {
                Features f = extract(photo);
                LocalFeatures p = FeaturesCodec.toProto(f, e).build();
                float[] back = FeaturesCodec.fromProto(p).descriptors();
                for (int i = 0; i < back.length; i++) {
                    double error = Math.abs(back[i] - f.descriptors()[i]);
                    max = Math.max(max, error);
                    sum += error;
                    count++;
                    double bound = e == DescriptorEncoding.INT8
                            ? p.getDescriptorScale() / 2.0
                            : Math.max(Math.abs(f.descriptors()[i]) * 0x1p-11, 0x1p-25);
                    maxOverBound = Math.max(maxOverBound, error / bound);
                }
            }
            assertTrue(maxOverBound <= 1.0001, e + " error exceeds its bound by " + maxOverBound);
            report.add(String.format(Locale.ROOT, "error %s over %d photos, %d values: max %.3g, mean %.3g",
                    e, photos.size(), count, max, sum / count));
        }
    }

    @Test
    void ratioTestMatchesSurviveQuantisation() throws IOException {
        List<String[]> pairs = FULL ? PAIRS : PAIRS.subList(0, 1);
        for (String[] pair : pairs) {
            Features query = extract(pair[0]);
            Features reference = extract(pair[1]);
            Set<Long> exact = null;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "matches %s (%d) vs %s (%d):",
                    pair[0], query.size(), pair[1], reference.size()));
            for (DescriptorEncoding e : ENCODINGS) {
                Features q = FeaturesCodec.fromProto(FeaturesCodec.toProto(query, e).build());
                Features r = FeaturesCodec.fromProto(FeaturesCodec.toProto(reference, e).build());
                Set<Long> matches = ratioMatches(q, r);
                if (exact == null) {
                    exact = matches;
                    row.append(String.format(Locale.ROOT, " %s %d;", e, matches.size()));
                    continue;
                }
                Set<Long> kept = new HashSet<>(matches);
                kept.retainAll(exact);
                double agreement = exact.isEmpty() ? 1 : (double) kept.size() / exact.size();
                row.append(String.format(Locale.ROOT, " %s %d (%.2f%% of FLOAT32's kept, %d new);", e,
                        matches.size(), 100 * agreement, matches.size() - kept.size()));
                assertTrue(agreement >= 0.95, e + " keeps only " + agreement + " of the exact matches");
            }
            report.add(row.toString());
        }
    }

    /** Query index * 2^32 + reference index of every query keypoint passing the ratio test (brute force, L2). */
    static Set<Long> ratioMatches(Features q, Features r) {
        int dim = q.dim();
        float[] a = q.descriptors();
        float[] b = r.descriptors();
        Set<Long> out = new HashSet<>();
        for (int i = 0; i < q.size(); i++) {
            float best = Float.MAX_VALUE;
            float second = Float.MAX_VALUE;
            int bestIndex = -1;
            for (int j = 0; j < r.size(); j++) {
                float d = 0;
                for (int k = 0; k < dim; k++) {
                    float diff = a[i * dim + k] - b[j * dim + k];
                    d += diff * diff;
                }
                if (d < best) {
                    second = best;
                    best = d;
                    bestIndex = j;
                } else if (d < second) {
                    second = d;
                }
            }
            // squared distances: compare with the squared ratio
            if (bestIndex >= 0 && best < RATIO * RATIO * second) {
                out.add(((long) i << 32) | bestIndex);
            }
        }
        return out;
    }

    private static Features extract(String samplePath) throws IOException {
        return extractor.extract(ImageIO.read(SampleData.path(samplePath).toFile()));
    }
}
