package dev.landmarks.it.stages;

import dev.landmarks.common.config.Settings;
import dev.landmarks.common.kafka.BatchHandler;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestConfig;
import dev.landmarks.ingest.IngestProcessor;
import dev.landmarks.it.config.ResilienceConfig;
import dev.landmarks.it.photos.SamplePhoto;
import dev.landmarks.it.photos.SamplePhotos;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingest-service's stage: {@link IngestProcessor} over a real {@link ImageIngestor} that fetches every photo over
 * HTTP from a local server (loopback allow-listed, as a user would for a private image host). Inputs: plain-text
 * URLs on landmark.requests keyed by image id; answer: Image on landmark.images.
 */
public final class IngestStage implements BatchStage {
    private final ResilienceConfig config;
    private final Resources resources = new Resources();
    private PhotoServer server;

    public IngestStage(ResilienceConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String inputTopic() {
        return Topics.REQUESTS.name();
    }

    @Override
    public String answerTopic() {
        return Topics.IMAGES.name();
    }

    @Override
    public void prepare(String bootstrapServers) throws Exception {
        server = resources.add(new PhotoServer(SamplePhotos.all(config.photoMaxSide())));
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> inputs(int n) {
        if (server == null) {
            throw new IllegalStateException("prepare() starts the photo server the URLs point to");
        }
        List<SamplePhoto> photos = SamplePhotos.all(config.photoMaxSide());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SamplePhoto photo = photos.get(i % photos.size());
            String id = BatchStage.imageId(name(), i, photo.id());
            records.add(new ProducerRecord<>(inputTopic(), id.getBytes(StandardCharsets.UTF_8),
                    server.url(photo).getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    @Override
    public BatchHandler newHandler(String bootstrapServers) {
        IngestConfig ingest = IngestConfig.from(Settings.of(Map.of(
                "fetch.allow-list", "127.0.0.1",
                "ingest.max-side", Integer.toString(config.photoMaxSide()))));
        return new IngestProcessor(resources.add(new ImageIngestor(ingest)));
    }

    @Override
    public void close() {
        resources.close();
    }
}
