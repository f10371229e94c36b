package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.retrieval.index.InvertedFile;
import dev.landmarks.classifier.retrieval.index.ScoredDocuments;
import dev.landmarks.classifier.retrieval.vocabulary.Vocabulary;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyConfig;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyFile;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyTrainer;
import dev.landmarks.classifier.retrieval.vocabulary.WordBag;
import dev.landmarks.common.features.Features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Weight-free landmark candidates: reference photos' local descriptors quantised with a visual vocabulary into an
 * inverted file; a query's descriptors are quantised the same way, references are ranked by a normalised match kernel
 * (ASMK* by default, or tf-idf cosine; {@link RetrievalConfig#kernel()}),
 * and each landmark is scored from its best references ({@link RetrievalConfig.Aggregation}). Returns the top-k
 * landmarks with their best reference ids. References are added and removed one at a time (the index follows the
 * compacted landmark.references topic; a tombstone is {@link #remove(String)}).
 * Thread-safe: any number of queries run concurrently; adds and removes wait for them.
 */
public final class RetrievalIndex {
    private final Vocabulary vocabulary;
    private final RetrievalConfig config;
    private final InvertedFile file;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slotOfImage = new HashMap<>();
    private final Map<String, Integer> landmarkNumbers = new HashMap<>();
    private final List<String> landmarkNames = new ArrayList<>();
    private String[] imageOfSlot = new String[16];
    private int[] landmarkOfSlot = new int[16];

    public RetrievalIndex(Vocabulary vocabulary, RetrievalConfig config) {
        this.vocabulary = vocabulary;
        this.config = config;
        this.file = new InvertedFile(vocabulary.size(), config.scoring(), vocabulary.dim());
    }

    /**
     * The vocabulary from {@code vocabularyConfig.file()} when set, else trained on the references' descriptors;
     * then an index holding every reference.
     */
    public static RetrievalIndex build(VocabularyConfig vocabularyConfig, RetrievalConfig config,
                                       List<Reference> references) {
        Vocabulary vocabulary;
        if (vocabularyConfig.file() != null) {
            try {
                vocabulary = VocabularyFile.load(vocabularyConfig.file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read codebook " + vocabularyConfig.file(), e);
            }
        } else {
            vocabulary = VocabularyTrainer.train(vocabularyConfig, references.stream().map(Reference::features).toList());
        }
        RetrievalIndex index = new RetrievalIndex(vocabulary, config);
        for (Reference r : references) {
            index.add(r);
        }
        return index;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public RetrievalConfig config() {
        return config;
    }

    /** Recorded in every prediction: "retrieval:" + the codebook's SHA-256. */
    public String modelId() {
        return "retrieval:" + vocabulary.id();
    }

    /** Adds a reference photo, replacing any earlier one with the same image id. */
    public void add(Reference reference) {
        addBag(reference.landmarkId(), reference.imageId(), vocabulary.bag(reference.features()));
    }

    /** Removes a reference photo; false when it was not indexed. */
    public boolean remove(String imageId) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOfImage.remove(imageId);
            if (slot == null) {
                return false;
            }
            file.remove(slot);
            imageOfSlot[slot] = null;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reference photos indexed. */
    public int size() {
        lock.readLock().lock();
        try {
            return file.documents();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The top {@code k} landmarks for a query image, best first; fewer when fewer share any visual word with it. */
    public List<LandmarkCandidate> query(Features features, int k) {
        return queryBag(vocabulary.bag(strongest(features), config.queryAssignments()), k);
    }

    /** Indexes a pre-quantised image (benchmarks build large synthetic indexes this way). */
    void addBag(String landmarkId, String imageId, WordBag bag) {
        lock.writeLock().lock();
        try {
            Integer previous = slotOfImage.remove(imageId);
            if (previous != null) {
                file.remove(previous);
                imageOfSlot[previous] = null;
            }
            int slot = file.add(bag);
            if (slot >= imageOfSlot.length) {
                imageOfSlot = Arrays.copyOf(imageOfSlot, Math.max(slot + 1, imageOfSlot.length * 2));
                landmarkOfSlot = Arrays.copyOf(landmarkOfSlot, imageOfSlot.length);
            }
            imageOfSlot[slot] = imageId;
            landmarkOfSlot[slot] = landmarkNumbers.computeIfAbsent(landmarkId, id -> {
                landmarkNames.add(id);
                return landmarkNames.size() - 1;
            });
            slotOfImage.put(imageId, slot);
        } finally {
            lock.writeLock().unlock();
        }
    }

    List<LandmarkCandidate> queryBag(WordBag bag, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        lock.readLock().lock();
        try {
            if (file.normsStale()) {
                // The first query after adds or removes refreshes the norms, then downgrades to a read lock, so no
                // writer can make them stale again before this query has scored.
                lock.readLock().unlock();
                lock.writeLock().lock();
                try {
                    file.refreshNorms();
                } finally {
                    lock.readLock().lock();
                    lock.writeLock().unlock();
                }
            }
            return rank(file.score(bag), k);
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<LandmarkCandidate> rank(ScoredDocuments scored, int k) {
        LandmarkScores scores = new LandmarkScores(landmarkNames.size(), config);
        for (int i = 0; i < scored.count(); i++) {
            scores.offer(landmarkOfSlot[scored.documents()[i]], scored.scores()[i]);
        }
        int[] chosen = scores.top(k, Comparator.comparing(landmarkNames::get));
        List<LandmarkCandidate> out = new ArrayList<>(chosen.length);
        for (int landmark : chosen) {
            out.add(new LandmarkCandidate(landmarkNames.get(landmark), scores.score(landmark),
                    bestReferences(scored, landmark)));
        }
        return out;
    }

    private List<String> bestReferences(ScoredDocuments scored, int landmark) {
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < scored.count(); i++) {
            if (landmarkOfSlot[scored.documents()[i]] == landmark && scored.scores()[i] > 0f) {
                mine.add(i);
            }
        }
        mine.sort(Comparator.<Integer>comparingDouble(i -> -scored.scores()[i])
                .thenComparing(i -> imageOfSlot[scored.documents()[i]]));
        return mine.stream().limit(config.referencesPerLandmark())
                .map(i -> imageOfSlot[scored.documents()[i]]).toList();
    }

    private Features strongest(Features f) {
        int limit = config.maxQueryDescriptors();
        if (limit == 0 || f.size() <= limit) {
            return f;
        }
        // Keypoints come strongest first (the Features contract), so the first ones are the ones to keep.
        return new Features(f.extractor(), f.width(), f.height(),
                Arrays.copyOf(f.x(), limit), Arrays.copyOf(f.y(), limit), Arrays.copyOf(f.scale(), limit),
                Arrays.copyOf(f.strength(), limit),
                f.orientation().length == 0 ? f.orientation() : Arrays.copyOf(f.orientation(), limit),
                f.dim(), Arrays.copyOf(f.descriptors(), limit * f.dim()));
    }
}
