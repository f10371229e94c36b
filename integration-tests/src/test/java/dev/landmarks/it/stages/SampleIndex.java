package dev.landmarks.it.stages;

import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.photos.SamplePhoto;
import dev.landmarks.it.photos.SamplePhotos;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.verifier.streams.LandmarkPartitioning;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sample photos as the stages downstream of DELF see them: the reference index (one ReferenceFeatures record
 * per train photo, keyed {@code "<landmark>/<image id>"} as the index builder writes it; publish it with the
 * LandmarkPartitioner) and query features (the test photos in turn), all RootSIFT from {@link PhotoFeatures}.
 */
public final class SampleIndex {
    private SampleIndex() {
    }

    public static List<ProducerRecord<byte[], byte[]>> referenceRecords(ResilienceConfig config) {
        Map<String, Features> features = PhotoFeatures.of(config);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (SamplePhoto p : SamplePhotos.references(config.photoMaxSide())) {
            ReferenceFeatures value = ReferenceFeatures.newBuilder()
                    .setLandmarkId(p.landmarkId())
                    .setImageId(p.id())
                    .setFeatures(FeaturesCodec.toProto(features.get(p.id()), DescriptorEncoding.INT8))
                    .build();
            String key = LandmarkPartitioning.referenceKey(p.landmarkId(), p.id());
            records.add(new ProducerRecord<>(Topics.REFERENCES.name(), key.getBytes(StandardCharsets.UTF_8),
                    value.toByteArray()));
        }
        return records;
    }

    /** The distinct landmarks of the reference photos, sorted. */
    public static List<String> landmarks(ResilienceConfig config) {
        return SamplePhotos.references(config.photoMaxSide()).stream().map(SamplePhoto::landmarkId)
                .distinct().sorted().toList();
    }

    /** {@code n} query messages (no landmark id: not references), image ids {@link BatchStage#imageId}. */
    public static List<LocalFeatures> queries(ResilienceConfig config, String stageName, int n) {
        Map<String, Features> features = PhotoFeatures.of(config);
        List<SamplePhoto> photos = SamplePhotos.queries(config.photoMaxSide());
        List<LocalFeatures> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SamplePhoto photo = photos.get(i % photos.size());
            out.add(FeaturesCodec.toProto(features.get(photo.id()), DescriptorEncoding.INT8)
                    .setImageId(BatchStage.imageId(stageName, i, photo.id()))
                    .setSourceUrl("sample/" + photo.path())
                    .setRequestedAtMs(System.currentTimeMillis())
                    .build());
        }
        return out;
    }
}
