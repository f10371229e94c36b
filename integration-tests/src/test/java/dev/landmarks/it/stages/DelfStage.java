package dev.landmarks.it.stages;

import com.google.protobuf.ByteString;
import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.delf.service.FeatureServiceConfig;
import dev.landmarks.delf.service.ImageFeaturesHandler;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.photos.SamplePhoto;
import dev.landmarks.it.photos.SamplePhotos;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.ImageEncoding;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The delf-service's feature stage: {@link ImageFeaturesHandler} with the weight-free RootSIFT extractor (its
 * default), small photos and few keypoints. Input: Image records on landmark.images (every sample photo in turn);
 * answer: LocalFeatures on landmark.features.
 */
public final class DelfStage implements BatchStage {
    private final ResilienceConfig config;
    private final Resources resources = new Resources();

    public DelfStage(ResilienceConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "delf";
    }

    @Override
    public String inputTopic() {
        return Topics.IMAGES.name();
    }

    @Override
    public String answerTopic() {
        return Topics.FEATURES.name();
    }

    @Override
    public void prepare(String bootstrapServers) {
        // nothing but its input: the extractor needs no weights
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> inputs(int n) {
        List<SamplePhoto> photos = SamplePhotos.all(config.photoMaxSide());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SamplePhoto photo = photos.get(i % photos.size());
            String id = BatchStage.imageId(name(), i, photo.id());
            Image image = Image.newBuilder()
                    .setImageId(id)
                    .setSourceUrl("sample/" + photo.path())
                    .setData(ByteString.copyFrom(photo.jpeg()))
                    .setEncoding(ImageEncoding.JPEG)
                    .setWidth(photo.width())
                    .setHeight(photo.height())
                    .setRequestedAtMs(System.currentTimeMillis())
                    .build();
            records.add(new ProducerRecord<>(inputTopic(), id.getBytes(StandardCharsets.UTF_8), image.toByteArray()));
        }
        return records;
    }

    @Override
    public BatchHandler newHandler(String bootstrapServers) {
        RootSiftExtractor extractor = resources.add(new RootSiftExtractor(PhotoFeatures.rootSift(config)));
        return new ImageFeaturesHandler(extractor, FeatureServiceConfig.defaults(bootstrapServers), Clock.systemUTC());
    }

    @Override
    public void close() {
        resources.close();
    }
}
