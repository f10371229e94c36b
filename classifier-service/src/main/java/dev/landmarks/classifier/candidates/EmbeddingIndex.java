package dev.landmarks.classifier.candidates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Global descriptors of the reference photos, L2-normalised on the way in, searched exhaustively by cosine
 * similarity (a dot product of unit vectors). Exhaustive search is exact and, at a few hundred dimensions, fast
 * enough for the 10^4-10^5 references of a landmark set on one CPU. Adding a reference id again replaces it.
 * Not thread-safe.
 */
public final class EmbeddingIndex {
    /** A reference photo found near a query. */
    public record Neighbour(String imageId, String landmarkId, float similarity) {
    }

    private final int dim;
    private float[] vectors = new float[0];
    private final List<String> imageIds = new ArrayList<>();
    private final List<String> landmarkIds = new ArrayList<>();
    private final Map<String, Integer> rowOfImage = new HashMap<>();

    public EmbeddingIndex(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("descriptor dimension must be >= 1");
        }
        this.dim = dim;
    }

    public int dim() {
        return dim;
    }

    public int size() {
        return imageIds.size();
    }

    public void add(String imageId, String landmarkId, float[] descriptor) {
        float[] unit = unit(descriptor);
        Integer row = rowOfImage.get(imageId);
        if (row == null) {
            row = imageIds.size();
            if ((row + 1) * dim > vectors.length) {
                vectors = Arrays.copyOf(vectors, Math.max(dim, vectors.length * 2));
            }
            imageIds.add(imageId);
            landmarkIds.add(landmarkId);
            rowOfImage.put(imageId, row);
        } else {
            landmarkIds.set(row, landmarkId);
        }
        System.arraycopy(unit, 0, vectors, row * dim, dim);
    }

    /** The {@code k} most similar references, most similar first (ties by image id). */
    public List<Neighbour> nearest(float[] query, int k) {
        float[] q = unit(query);
        Comparator<Neighbour> worstFirst = Comparator.comparingDouble(Neighbour::similarity)
                .thenComparing(Neighbour::imageId, Comparator.reverseOrder());
        PriorityQueue<Neighbour> heap = new PriorityQueue<>(worstFirst);
        for (int r = 0; r < imageIds.size(); r++) {
            float s = 0;
            int base = r * dim;
            for (int d = 0; d < dim; d++) {
                s += q[d] * vectors[base + d];
            }
            if (heap.size() < k) {
                heap.add(new Neighbour(imageIds.get(r), landmarkIds.get(r), s));
            } else if (s >= heap.peek().similarity()) {
                // Allocate only for rows that can enter the top k (ties are settled by the comparator).
                Neighbour n = new Neighbour(imageIds.get(r), landmarkIds.get(r), s);
                if (worstFirst.compare(n, heap.peek()) > 0) {
                    heap.poll();
                    heap.add(n);
                }
            }
        }
        List<Neighbour> out = new ArrayList<>(heap);
        out.sort(worstFirst.reversed());
        return out;
    }

    private float[] unit(float[] v) {
        if (v.length != dim) {
            throw new IllegalArgumentException("descriptor has " + v.length + " values, the index " + dim);
        }
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm == 0 || Double.isNaN(norm)) {
            throw new IllegalArgumentException("descriptor has zero or undefined length");
        }
        float inv = (float) (1 / Math.sqrt(norm));
        float[] u = new float[dim];
        for (int i = 0; i < dim; i++) {
            u[i] = v[i] * inv;
        }
        return u;
    }
}
