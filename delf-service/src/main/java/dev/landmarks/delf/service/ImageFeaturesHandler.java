package dev.landmarks.delf.service;

import dev.landmarks.common.features.Features;
import dev.landmarks.common.image.ImageDecoder;
import dev.landmarks.common.image.ImageException;
import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.delf.features.LocalFeatureExtractor;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The delf-service's batch step. Input: raw records of landmark.images (key = image id, value = protobuf Image).
 * Output, per record, exactly one of: a LocalFeatures record on landmark.features (keypoints and descriptors packed
 * as configured, ids, labels and timings carried over plus a "features" timing); a FAILED Result on landmark.results
 * (PROCESSING_ERROR) when the image cannot be decoded or the extractor fails on it; the raw record on the DLQ when it
 * is not an Image at all. The extractor is injected, so RootSIFT or DELF plug in alike.
 *
 * <p>Images are extracted one after another: RootSIFT has no batch form, and the DELF signature takes one image.
 * Batching would pay for DELF on a GPU, where one call over several same-sized images amortises the launch cost;
 * it needs an export with a batch dimension (the official one has none).
 */
public final class ImageFeaturesHandler implements BatchHandler {
    static final String STAGE = "features";
    private static final Logger LOG = LoggerFactory.getLogger(ImageFeaturesHandler.class);

    private final LocalFeatureExtractor extractor;
    private final FeatureServiceConfig config;
    private final Clock clock;

    public ImageFeaturesHandler(LocalFeatureExtractor extractor, FeatureServiceConfig config, Clock clock) {
        this.extractor = extractor;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> handle(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            out.add(handleOne(record));
        }
        return out;
    }

    private ProducerRecord<byte[], byte[]> handleOne(ConsumerRecord<byte[], byte[]> record) {
        Image image;
        try {
            image = Topics.IMAGES.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (image == null) {
                throw new SerializationException("null value (tombstone) on " + record.topic() + ": no image to read");
            }
        } catch (SerializationException e) {
            LOG.warn("unreadable record at {}-{}@{} sent to the DLQ: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return DeadLetters.record(record, STAGE, e);
        }
        String imageId = image.getImageId().isEmpty() ? keyOf(record) : image.getImageId();
        long start = System.nanoTime();
        Features features;
        try {
            BufferedImage pixels = ImageDecoder.decode(image.getData().toByteArray(), config.maxPixels());
            features = extractor.extract(pixels);
        } catch (ImageException e) {
            return failed(imageId, image, "could not decode the image bytes for feature extraction: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("feature extraction failed for {}: {}", imageId, e.toString(), e);
            return failed(imageId, image, "feature extraction with " + extractor.id() + " failed: " + e);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        LocalFeatures value = FeatureRecords.fitted(features, config.encoding(), config.maxRecordBytes(), b -> b
                .setImageId(imageId)
                .setSourceUrl(image.getSourceUrl())
                .setLandmarkId(image.getLandmarkId())
                .setRequestedAtMs(image.getRequestedAtMs())
                .addAllTimings(image.getTimingsList())
                .addTimings(StageTiming.newBuilder().setStage(STAGE).setMillis(millis)));
        return new ProducerRecord<>(Topics.FEATURES.name(), key(imageId),
                Topics.FEATURES.valueSerde().serializer().serialize(Topics.FEATURES.name(), value));
    }

    private ProducerRecord<byte[], byte[]> failed(String imageId, Image image, String detail) {
        Result result = Result.newBuilder()
                .setImageId(imageId)
                .setStatus(Result.Status.FAILED)
                .setFailureReason(FailureReason.PROCESSING_ERROR)
                .setFailureDetail(detail)
                .addModelVersions(extractor.id())
                .addAllTimings(image.getTimingsList())
                .setSourceUrl(image.getSourceUrl())
                .setRequestedAtMs(image.getRequestedAtMs())
                .setCompletedAtMs(clock.millis())
                .build();
        return new ProducerRecord<>(Topics.RESULTS.name(), key(imageId),
                Topics.RESULTS.valueSerde().serializer().serialize(Topics.RESULTS.name(), result));
    }

    private static String keyOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : Topics.IMAGES.keySerde().deserializer().deserialize(record.topic(), record.key());
    }

    private static byte[] key(String imageId) {
        return Topics.FEATURES.keySerde().serializer().serialize(Topics.FEATURES.name(), imageId);
    }
}
