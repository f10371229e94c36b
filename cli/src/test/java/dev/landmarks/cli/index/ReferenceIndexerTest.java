package dev.landmarks.cli.index;

import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.cli.kafka.KafkaConnection;
import dev.landmarks.cli.progress.ProgressPrinter;
import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestConfig;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.verifier.streams.LandmarkPartitioning;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceIndexerTest {
    static InProcessKafka kafka;
    static Path sample;

    @BeforeAll
    static void start() {
        kafka = InProcessKafka.start();
        sample = dev.landmarks.cli.SampleData.dir();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void indexingTwiceChangesNothingAndADroppedPhotoIsTombstoned() throws Exception {
        KafkaConnection connection = new KafkaConnection(kafka.bootstrapServers(), (short) 1);
        List<ImageRow> rows = List.of(
                new ImageRow("d71b0dde6bd743a5", "train/opencv_box/d71b0dde6bd743a5.png", "opencv_box"),
                new ImageRow("2bd4c5e0a2b5e93c", "train/opencv_leuven/2bd4c5e0a2b5e93c.jpg", "opencv_leuven"),
                new ImageRow("29da7f6bce9bf91e", "train/opencv_aero/29da7f6bce9bf91e.jpg", "opencv_aero"));

        IndexReport first = indexer(connection).index(rows, sample);
        assertEquals(3, first.added(), first.failures().toString());
        assertEquals(Set.of("opencv_box/d71b0dde6bd743a5", "opencv_leuven/2bd4c5e0a2b5e93c",
                "opencv_aero/29da7f6bce9bf91e"), ReferenceIndexReader.read(connection).keySet());
        assertPartitionedByLandmark();

        IndexReport second = indexer(connection).index(rows, sample);
        assertEquals(0, second.added());
        assertEquals(3, second.kept());
        assertEquals(0, second.removed());

        IndexReport third = indexer(connection).index(rows.subList(0, 2), sample);
        assertEquals(1, third.removed());
        Map<String, ReferenceFeatures> after = ReferenceIndexReader.read(connection);
        assertEquals(Set.of("opencv_box/d71b0dde6bd743a5", "opencv_leuven/2bd4c5e0a2b5e93c"), after.keySet());
        ReferenceFeatures box = after.get("opencv_box/d71b0dde6bd743a5");
        assertTrue(box.getFeatures().getXCount() > 100, "a real photo gives many keypoints");
        assertEquals(DescriptorEncoding.INT8, box.getFeatures().getDescriptorEncoding());
    }

    @Test
    void selectionKeepsTheFirstImageIdsOfEachLandmark() {
        List<ImageRow> rows = List.of(new ImageRow("c", "c.jpg", "a"), new ImageRow("a", "a.jpg", "a"),
                new ImageRow("b", "b.jpg", "a"), new ImageRow("z", "z.jpg", "b"), new ImageRow("q", "q.jpg", ""));
        assertEquals(List.of("a", "b", "z"), ReferenceSelection.select(rows, 2).stream().map(ImageRow::id).toList());
    }

    private static ReferenceIndexer indexer(KafkaConnection connection) {
        IngestConfig c = IngestConfig.defaults();
        IndexConfig config = new IndexConfig(1, DescriptorEncoding.INT8, 2, IndexConfig.DEFAULT_MAX_RECORD_BYTES);
        return new ReferenceIndexer(connection, config,
                new ImageIngestor(new IngestConfig(c.fetch().withLocalRoot(sample), c.image())),
                () -> new RootSiftExtractor(RootSiftConfig.defaults().withSize(640, 500)),
                new ProgressPrinter(new PrintWriter(new StringWriter()), Duration.ofSeconds(5)));
    }

    /** Every record of a landmark sits in the partition the verifier expects for that landmark. */
    private static void assertPartitionedByLandmark() {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor("landmark.references").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen < 3 && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    seen++;
                    String landmark = LandmarkPartitioning.landmarkOf(r.key());
                    assertEquals(LandmarkPartitioning.partition(landmark, partitions.size()), r.partition(), r.key());
                }
            }
            assertEquals(3, seen);
        }
    }
}
