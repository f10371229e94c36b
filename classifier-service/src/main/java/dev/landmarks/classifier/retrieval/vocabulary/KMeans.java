package dev.landmarks.classifier.retrieval.vocabulary;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded k-means on row-major float vectors: k-means++ seeding, then Lloyd iterations until no point changes cluster
 * or the iteration budget runs out. A cluster left empty is re-seeded with the point farthest from its centre.
 * The same data, k, iterations and seed give the same centres bit for bit: assignment runs in parallel over fixed-size
 * chunks, but every sum is accumulated sequentially in point order.
 */
final class KMeans {
    /** Points per parallel work unit; fixed so the split never depends on the number of threads. */
    private static final int CHUNK = 512;

    private KMeans() {
    }

    /**
     * @param data       {@code n * dim} values, row-major, n >= 1
     * @param k          wanted centres; fewer (n) when there are fewer points than that
     * @param iterations maximum Lloyd iterations (0 = k-means++ seeds only)
     */
    static CentreSet cluster(float[] data, int dim, int k, int iterations, long seed) {
        int n = data.length / dim;
        if (n == 0 || data.length % dim != 0) {
            throw new IllegalArgumentException("k-means needs at least one " + dim + "-d point");
        }
        int clusters = Math.min(k, n);
        float[] centres = seedPlusPlus(data, dim, n, clusters, new SplittableRandom(seed));
        int[] assignment = new int[n];
        java.util.Arrays.fill(assignment, -1);
        for (int it = 0; it < iterations; it++) {
            CentreSet current = new CentreSet(dim, centres);
            if (assign(current, data, n, assignment) == 0) {
                break;
            }
            centres = means(current, data, dim, n, clusters, assignment);
        }
        return new CentreSet(dim, centres);
    }

    /** Nearest centre of every point, in place; returns how many points changed cluster. */
    static int assign(CentreSet centres, float[] data, int n, int[] assignment) {
        int dim = centres.dim();
        int chunks = (n + CHUNK - 1) / CHUNK;
        int[] changed = new int[chunks];
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                int a = centres.nearest(data, i * dim);
                if (a != assignment[i]) {
                    assignment[i] = a;
                    changed[chunk]++;
                }
            }
        });
        return IntStream.of(changed).sum();
    }

    private static float[] seedPlusPlus(float[] data, int dim, int n, int k, SplittableRandom random) {
        float[] centres = new float[k * dim];
        int first = random.nextInt(n);
        System.arraycopy(data, first * dim, centres, 0, dim);
        double[] nearest = new double[n];
        updateNearest(data, dim, n, centres, 0, nearest, true);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            int pick;
            if (total <= 0) {
                // Every point sits on a centre already (duplicates): any point will do.
                pick = random.nextInt(n);
            } else {
                double target = random.nextDouble() * total;
                pick = n - 1;
                double cumulative = 0;
                for (int i = 0; i < n; i++) {
                    cumulative += nearest[i];
                    if (cumulative > target) {
                        pick = i;
                        break;
                    }
                }
            }
            System.arraycopy(data, pick * dim, centres, c * dim, dim);
            updateNearest(data, dim, n, centres, c, nearest, false);
        }
        return centres;
    }

    /** {@code nearest[i] = min(nearest[i], |x_i - centre_c|^2)} (or plain assignment when {@code first}). */
    private static void updateNearest(float[] data, int dim, int n, float[] centres, int c, double[] nearest,
                                      boolean first) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                double d = 0;
                for (int j = 0; j < dim; j++) {
                    double diff = data[i * dim + j] - centres[c * dim + j];
                    d += diff * diff;
                }
                if (first || d < nearest[i]) {
                    nearest[i] = d;
                }
            }
        });
    }

    private static float[] means(CentreSet current, float[] data, int dim, int n, int k, int[] assignment) {
        double[] sums = new double[k * dim];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int a = assignment[i];
            counts[a]++;
            for (int j = 0; j < dim; j++) {
                sums[a * dim + j] += data[i * dim + j];
            }
        }
        float[] centres = new float[k * dim];
        double[] distance = null;
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                for (int j = 0; j < dim; j++) {
                    centres[c * dim + j] = (float) (sums[c * dim + j] / counts[c]);
                }
                continue;
            }
            if (distance == null) {
                distance = new double[n];
                for (int i = 0; i < n; i++) {
                    distance[i] = current.squaredDistance(data, i * dim, assignment[i]);
                }
            }
            int farthest = 0;
            for (int i = 1; i < n; i++) {
                if (distance[i] > distance[farthest]) {
                    farthest = i;
                }
            }
            distance[farthest] = -1;
            System.arraycopy(data, farthest * dim, centres, c * dim, dim);
        }
        return centres;
    }
}
