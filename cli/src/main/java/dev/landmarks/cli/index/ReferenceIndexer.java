package dev.landmarks.cli.index;

import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.cli.progress.ProgressPrinter;
import dev.landmarks.cli.submit.UrlResolver;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.delf.features.LocalFeatureExtractor;
import dev.landmarks.delf.service.FeatureRecords;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestOutcome;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.proto.StageTiming;
import dev.landmarks.verifier.streams.LandmarkPartitioner;
import dev.landmarks.verifier.streams.LandmarkPartitioning;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds or updates the reference index on landmark.references from a train.csv: selects up to N photos per
 * landmark ({@link ReferenceSelection}), fetches and extracts only those not yet indexed with the same extractor,
 * publishes them keyed "landmark/image id" and partitioned by landmark, and tombstones indexed photos that are no
 * longer selected. Running it twice on the same input publishes nothing the second time.
 */
public final class ReferenceIndexer {
    private final KafkaConnection kafka;
    private final IndexConfig config;
    private final ImageIngestor ingestor;
    private final Supplier<LocalFeatureExtractor> extractors;
    private final ProgressPrinter progress;

    /**
     * @param extractors makes one extractor per worker thread (extractors are used by one thread at a time)
     */
    public ReferenceIndexer(KafkaConnection kafka, IndexConfig config, ImageIngestor ingestor,
                            Supplier<LocalFeatureExtractor> extractors, ProgressPrinter progress) {
        this.kafka = kafka;
        this.config = config;
        this.ingestor = ingestor;
        this.extractors = extractors;
        this.progress = progress;
    }

    public IndexReport index(List<ImageRow> rows, Path csvFolder) throws InterruptedException {
        long start = System.nanoTime();
        kafka.ensureTopics(Topics.ALL);
        Map<String, ReferenceFeatures> existing = ReferenceIndexReader.read(kafka);
        List<ImageRow> selected = ReferenceSelection.select(rows, config.perLandmark());

        String extractorId;
        try (LocalFeatureExtractor probe = extractors.get()) {
            extractorId = probe.id();
        }
        List<ImageRow> toExtract = new ArrayList<>();
        Set<String> wanted = selected.stream().map(ReferenceIndexer::key).collect(Collectors.toSet());
        int kept = 0;
        for (ImageRow row : selected) {
            ReferenceFeatures present = existing.get(key(row));
            if (present != null && present.getFeatures().getExtractor().equals(extractorId)) {
                kept++;
            } else {
                toExtract.add(row);
            }
        }
        List<String> removed = existing.keySet().stream().filter(k -> !wanted.contains(k)).sorted().toList();

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<ReferenceFeatures> extracted = extractAll(toExtract, csvFolder, failures);

        Map<String, ReferenceFeatures> index = new TreeMap<>(existing);
        removed.forEach(index::remove);
        publish(extracted, removed);
        extracted.forEach(r -> index.put(LandmarkPartitioning.referenceKey(r.getLandmarkId(), r.getImageId()), r));
        List<String> sortedFailures = new ArrayList<>(failures);
        Collections.sort(sortedFailures);
        return new IndexReport(extracted.size(), kept, removed.size(), sortedFailures, index,
                (System.nanoTime() - start) / 1e9);
    }

    private List<ReferenceFeatures> extractAll(List<ImageRow> rows, Path csvFolder, List<String> failures)
            throws InterruptedException {
        if (rows.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(config.threads(), rows.size());
        BlockingQueue<LocalFeatureExtractor> pool = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            pool.add(extractors.get());
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try (ProgressPrinter.Task task = progress.start("references extracted", rows.size())) {
            List<Future<Optional<ReferenceFeatures>>> futures = new ArrayList<>();
            for (ImageRow row : rows) {
                futures.add(workers.submit(() -> {
                    LocalFeatureExtractor extractor = pool.take();
                    try {
                        return extractOne(row, csvFolder, extractor, failures);
                    } finally {
                        pool.put(extractor);
                        task.advance();
                    }
                }));
            }
            List<ReferenceFeatures> out = new ArrayList<>();
            for (Future<Optional<ReferenceFeatures>> f : futures) {
                try {
                    f.get().ifPresent(out::add);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("extracting references failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } finally {
            workers.shutdownNow();
            pool.forEach(LocalFeatureExtractor::close);
        }
    }

    private Optional<ReferenceFeatures> extractOne(ImageRow row, Path csvFolder, LocalFeatureExtractor extractor,
                                                   List<String> failures) {
        String url = UrlResolver.resolve(row.url(), csvFolder);
        IngestOutcome outcome = ingestor.ingest(row.id(), url);
        if (outcome instanceof IngestOutcome.Failed failed) {
            failures.add(row.id() + ": " + failed.detail());
            return Optional.empty();
        }
        IngestOutcome.Fetched fetched = (IngestOutcome.Fetched) outcome;
        long t0 = System.nanoTime();
        Features features;
        try {
            features = extractor.extract(fetched.resized());
        } catch (RuntimeException e) {
            failures.add(row.id() + ": feature extraction failed: " + e.getMessage());
            return Optional.empty();
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        LocalFeatures packed = FeatureRecords.fitted(features, config.encoding(), config.maxRecordBytes(),
                b -> b.setImageId(row.id())
                        .setLandmarkId(row.landmarkId())
                        .setSourceUrl(url)
                        .addAllTimings(fetched.image().getTimingsList())
                        .addTimings(StageTiming.newBuilder().setStage("features").setMillis(millis)));
        return Optional.of(ReferenceFeatures.newBuilder()
                .setLandmarkId(row.landmarkId())
                .setImageId(row.id())
                .setSourceUrl(url)
                .setFeatures(packed)
                .build());
    }

    private void publish(List<ReferenceFeatures> added, List<String> removedKeys) {
        if (added.isEmpty() && removedKeys.isEmpty()) {
            return;
        }
        Map<String, Object> props = kafka.clientProperties("landmarks-indexer");
        props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, LandmarkPartitioner.class.getName());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxRecordBytes() + 64 * 1024);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (ReferenceFeatures r : added) {
                String key = LandmarkPartitioning.referenceKey(r.getLandmarkId(), r.getImageId());
                sent.add(producer.send(new ProducerRecord<>(Topics.REFERENCES.name(), key, r.toByteArray())));
            }
            for (String key : removedKeys) {
                sent.add(producer.send(new ProducerRecord<>(Topics.REFERENCES.name(), key, null)));
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the index", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("publishing the index failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static String key(ImageRow row) {
        return LandmarkPartitioning.referenceKey(row.landmarkId(), row.id());
    }
}
