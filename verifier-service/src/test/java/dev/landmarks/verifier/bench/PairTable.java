package dev.landmarks.verifier.bench;

import dev.landmarks.common.features.Features;
import dev.landmarks.verifier.match.DescriptorMatcher;
import dev.landmarks.verifier.match.MatchMode;
import dev.landmarks.verifier.match.Matches;
import dev.landmarks.verifier.match.NearestNeighbours;
import dev.landmarks.verifier.ransac.GeometryModel;
import dev.landmarks.verifier.ransac.RansacConfig;
import dev.landmarks.verifier.ransac.RobustFitter;
import dev.landmarks.verifier.verify.GeometricVerifier;
import dev.landmarks.verifier.verify.Reference;
import dev.landmarks.verifier.verify.VerifyConfig;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Brute-force geometry of every (query, reference) pair under every variant measured: one exhaustive neighbour search
 * per pair, then the three match modes, each fitted with MAGSAC homographies at several thresholds (and an affine fit
 * at the default threshold). Rows are appended to a CSV per query, so an interrupted run resumes where it stopped.
 */
final class PairTable {
    static final double[] THRESHOLDS = {5, 8, 12};
    private final VerifyConfig base;
    private final List<Double> defaultVariantMillis = java.util.Collections.synchronizedList(new ArrayList<>());

    private final int threads;

    /** {@code threads} queries are computed at once (each pair is single-threaded apart from OpenCV's own threads). */
    PairTable(VerifyConfig base, int threads) {
        this.base = base;
        this.threads = threads;
    }

    static String variant(MatchMode mode, GeometryModel model, double threshold) {
        return mode + "/" + model + "/" + (int) threshold;
    }

    /** Rows for every query x reference in {@code pairs}, computing only queries not yet in {@code csv}. */
    List<PairRow> compute(Path csv, Map<String, List<String>> pairs, Function<String, Features> features,
                          boolean allVariants) throws IOException {
        List<PairRow> rows = new ArrayList<>();
        Set<String> done = new HashSet<>();
        if (Files.exists(csv)) {
            for (String line : Files.readAllLines(csv)) {
                if (!line.equals(PairRow.HEADER) && !line.isBlank()) {
                    PairRow r = PairRow.parse(line);
                    rows.add(r);
                    done.add(r.queryId());
                }
            }
        } else {
            Files.writeString(csv, PairRow.HEADER + "\n");
        }
        long start = System.nanoTime();
        AtomicInteger finished = new AtomicInteger(done.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> tasks = new ArrayList<>();
        for (var e : pairs.entrySet()) {
            if (done.contains(e.getKey())) {
                continue;
            }
            tasks.add(pool.submit(() -> {
                Features q = features.apply(e.getKey());
                List<PairRow> out = new ArrayList<>();
                for (String refId : e.getValue()) {
                    out.addAll(pair(e.getKey(), q, refId, features.apply(refId), allVariants));
                }
                append(csv, out, rows);
                System.out.printf("  pairs: %d/%d queries done (%s), %.0f s elapsed%n", finished.incrementAndGet(),
                        pairs.size(), e.getKey(), (System.nanoTime() - start) / 1e9);
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : tasks) {
                f.get();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        } catch (ExecutionException ex) {
            throw new IOException(ex.getCause());
        }
        rows.sort(Comparator.comparing(PairRow::queryId).thenComparing(PairRow::referenceId)
                .thenComparing(PairRow::variant));
        return rows;
    }

    private static synchronized void append(Path csv, List<PairRow> out, List<PairRow> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardOpenOption.APPEND)) {
            for (PairRow r : out) {
                w.write(r.csv());
                w.write('\n');
            }
        }
        rows.addAll(out);
    }

    /** Time of the default variant (one neighbour search, one mode, one fit) per pair computed by this instance. */
    List<Double> defaultVariantMillis() {
        return defaultVariantMillis;
    }

    private List<PairRow> pair(String queryId, Features q, String refId, Features r, boolean allVariants) {
        List<PairRow> out = new ArrayList<>();
        Reference ref = new Reference("", refId, r);
        GeometricVerifier evidence = new GeometricVerifier(base);
        long t0 = System.nanoTime();
        NearestNeighbours nn = NearestNeighbours.compute(q, r, base.match().ratio());
        long nnNanos = System.nanoTime() - t0;
        for (MatchMode mode : allVariants ? MatchMode.values() : new MatchMode[] {base.match().mode()}) {
            Matches m = DescriptorMatcher.select(nn, mode);
            for (double th : allVariants ? THRESHOLDS : new double[] {base.ransac().thresholdPx()}) {
                RansacConfig rc = base.ransac().withModel(GeometryModel.HOMOGRAPHY).withThreshold(th);
                long f0 = System.nanoTime();
                var fit = new RobustFitter(rc).fit(q, r, m);
                if (mode == base.match().mode() && th == base.ransac().thresholdPx()) {
                    defaultVariantMillis.add((nnNanos + System.nanoTime() - f0) / 1e6);
                }
                var ev = evidence.evidence(q, ref, m, fit);
                out.add(new PairRow(queryId, refId, variant(mode, GeometryModel.HOMOGRAPHY, th), ev.matches(),
                        ev.inliers(), ev.spreadCells()));
            }
            if (allVariants && mode == MatchMode.ONE_TO_ONE) {
                RansacConfig affine = base.ransac().withModel(GeometryModel.AFFINE);
                var fit = new RobustFitter(affine).fit(q, r, m);
                var ev = evidence.evidence(q, ref, m, fit);
                out.add(new PairRow(queryId, refId, variant(mode, GeometryModel.AFFINE, affine.thresholdPx()),
                        ev.matches(), ev.inliers(), ev.spreadCells()));
            }
        }
        return out;
    }
}
