package dev.landmarks.ingest;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.image.ImageDecoder;
import dev.landmarks.common.image.ImageResizer;
import dev.landmarks.common.image.JpegEncoder;
import dev.landmarks.ingest.fetch.LocalHttpServer;
import dev.landmarks.proto.ImageRequest;
import dev.landmarks.proto.StageTiming;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Measures ingest on the repository's sample photos (37 files, 324x223 to 1083x698, JPEG and PNG): local mode
 * (files) and http mode (a loopback HTTP server), then decode + resize of a synthetic 12 Mpx JPEG. Not a test:
 * run it by hand, the command is in docs/ingest.md. Arguments: [rounds (default 5)].
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = SampleData.root();
        List<String> paths = new ArrayList<>();
        for (String csv : List.of("train.csv", "test.csv")) {
            Files.readAllLines(root.resolve(csv)).stream().skip(1).map(l -> l.split(",")[1]).forEach(paths::add);
        }
        System.out.printf(Locale.ROOT, "cores %d, %d sample photos, %d rounds%n",
                Runtime.getRuntime().availableProcessors(), paths.size(), rounds);

        try (ImageIngestor local = new ImageIngestor(IngestConfig.from(Settings.of(Map.of(
                "fetch.local-root", root.toString()))))) {
            run("local files", local, paths, rounds);
        }
        try (LocalHttpServer server = new LocalHttpServer();
             ImageIngestor http = new ImageIngestor(IngestConfig.from(Settings.of(Map.of(
                     "fetch.allow-list", "127.0.0.1"))))) {
            List<String> urls = new ArrayList<>();
            for (String p : paths) {
                server.route("/" + p, LocalHttpServer.bytes(200, "image/jpeg", Files.readAllBytes(root.resolve(p))));
                urls.add(server.url("/" + p));
            }
            run("http loopback", http, urls, rounds);
        }
        bigPhoto(rounds);
        checkerboard();
    }

    /** Why area averaging: a 1-pixel checkerboard shrunk 3.3x should be flat grey (128); point samplers alias. */
    private static void checkerboard() {
        BufferedImage board = new BufferedImage(1000, 1000, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1000; x++) {
                board.setRGB(x, y, (x + y) % 2 == 0 ? 0 : 0xFFFFFF);
            }
        }
        System.out.printf(Locale.ROOT, "1-px checkerboard 1000 -> 300, largest distance from grey 128:"
                + " area average %d, Java2D bilinear %d, Java2D bicubic %d%n",
                maxDeviation(ImageResizer.fitWithin(board, 300)),
                maxDeviation(java2d(board, 300, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR)),
                maxDeviation(java2d(board, 300, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC)));
    }

    private static BufferedImage java2d(BufferedImage source, int side, Object interpolation) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, interpolation);
        g.drawImage(source, 0, 0, side, side, null);
        g.dispose();
        return out;
    }

    private static int maxDeviation(BufferedImage image) {
        int worst = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                worst = Math.max(worst, Math.abs((image.getRGB(x, y) >> 16 & 0xFF) - 128));
            }
        }
        return worst;
    }

    private static void run(String name, ImageIngestor ingestor, List<String> locations, int rounds) throws Exception {
        List<ImageRequest> requests = locations.stream()
                .map(u -> ImageRequest.newBuilder().setUrl(u).setRequestedAtMs(System.currentTimeMillis()).build())
                .toList();
        ingestor.ingestAll(requests); // warm-up: class loading, JIT
        Map<String, List<Double>> stages = new HashMap<>();
        double[] wall = new double[rounds];
        long inBytes = 0;
        long outBytes = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<IngestOutcome> outcomes = ingestor.ingestAll(requests);
            wall[r] = (System.nanoTime() - t0) / 1e6;
            for (IngestOutcome o : outcomes) {
                var image = ((IngestOutcome.Fetched) o).image();
                inBytes += image.getOriginalBytes();
                outBytes += image.getData().size();
                for (StageTiming t : image.getTimingsList()) {
                    stages.computeIfAbsent(t.getStage(), k -> new ArrayList<>()).add(t.getMillis());
                }
            }
        }
        Arrays.sort(wall);
        double medianWall = wall[rounds / 2];
        System.out.printf(Locale.ROOT, "%-14s %5.1f photos/s (median batch of %d: %.0f ms); per photo median ms:",
                name, locations.size() * 1000 / medianWall, locations.size(), medianWall);
        for (String stage : List.of("fetch", "decode", "resize", "encode")) {
            System.out.printf(Locale.ROOT, " %s %.1f", stage, median(stages.get(stage)));
        }
        System.out.printf(Locale.ROOT, "; bytes in/out %.0f/%.0f kB per photo%n",
                inBytes / 1e3 / (rounds * locations.size()), outBytes / 1e3 / (rounds * locations.size()));
    }

    private static void bigPhoto(int rounds) throws Exception {
        BufferedImage big = new BufferedImage(4000, 3000, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(1);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                big.setRGB(x, y, (x / 16) << 16 | (y / 12) << 8 | random.nextInt(64));
            }
        }
        byte[] jpeg = JpegEncoder.encode(big, 0.9f);
        List<Double> decode = new ArrayList<>();
        List<Double> resize = new ArrayList<>();
        for (int r = 0; r < rounds + 1; r++) {
            long t0 = System.nanoTime();
            BufferedImage decoded = ImageDecoder.decode(jpeg, 64_000_000);
            long t1 = System.nanoTime();
            ImageResizer.fitWithin(decoded, 1024);
            long t2 = System.nanoTime();
            if (r > 0) { // the first round warms up
                decode.add((t1 - t0) / 1e6);
                resize.add((t2 - t1) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "4000x3000 JPEG (%.1f MB): decode %.0f ms, area-average resize to 1024x768 %.0f ms"
                + " (medians of %d)%n", jpeg.length / 1e6, median(decode), median(resize), rounds);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
