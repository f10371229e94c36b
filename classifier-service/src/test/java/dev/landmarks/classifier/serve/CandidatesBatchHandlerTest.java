package dev.landmarks.classifier.serve;

import com.google.protobuf.ByteString;
import dev.landmarks.classifier.candidates.CandidateGenerator;
import dev.landmarks.classifier.candidates.CandidatesConfig;
import dev.landmarks.classifier.candidates.EmbeddingCandidates;
import dev.landmarks.classifier.candidates.LandmarkScore;
import dev.landmarks.classifier.candidates.SoftmaxCandidates;
import dev.landmarks.classifier.model.ImageModel;
import dev.landmarks.classifier.model.ModelConfig;
import dev.landmarks.classifier.testing.SyntheticImages;
import dev.landmarks.classifier.testing.TestSavedModels;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.ImageEncoding;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler as a pure function: raw records in, raw records out, with a real model and real protobuf. */
class CandidatesBatchHandlerTest {
    private static final List<String> LABELS = List.of("red_fort", "green_park", "blue_mosque");

    @TempDir
    Path tmp;

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static Image image(String id, byte[] data, String landmark) {
        return Image.newBuilder().setImageId(id).setSourceUrl("https://example.org/" + id + ".jpg")
                .setData(ByteString.copyFrom(data)).setEncoding(ImageEncoding.JPEG).setLandmarkId(landmark)
                .setRequestedAtMs(1234).addTimings(StageTiming.newBuilder().setStage("fetch").setMillis(5)).build();
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>(Topics.IMAGES.name(), 0, offset, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void predictsFailsAndDeadLettersRecordByRecord() throws Exception {
        Path dir = tmp.resolve("softmax");
        TestSavedModels.meanColourSoftmax(dir, 16, 10f, LABELS);
        try (ImageModel model = ImageModel.load(ModelConfig.of(dir))) {
            SoftmaxCandidates softmax = new SoftmaxCandidates(model, "", 2);
            var handler = new CandidatesBatchHandler<>(new ImageInputReader(), softmax, Optional.empty(),
                    Clock.fixed(Instant.ofEpochMilli(99_000), ZoneOffset.UTC));
            List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                    record(0, "red", image("red", jpeg(SyntheticImages.solid(20, 20, new Color(230, 20, 20))), "").toByteArray()),
                    record(1, "broken", image("broken", new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2, 3}, "").toByteArray()),
                    record(2, "garbage", new byte[]{(byte) 0xFF, 0x12, 0x34}),
                    record(3, "blue", image("", jpeg(SyntheticImages.solid(20, 20, new Color(10, 20, 240))), "").toByteArray()));

            List<ProducerRecord<byte[], byte[]>> out = handler.handle(batch);

            assertEquals(4, out.size());
            ProducerRecord<byte[], byte[]> dead = only(out, Topics.DEAD_LETTERS.name());
            assertEquals("garbage", text(dead.key()));
            assertNotNull(dead.headers().lastHeader(DeadLetters.HEADER_ERROR));

            Result failed = Result.parseFrom(only(out, Topics.RESULTS.name()).value());
            assertEquals("broken", failed.getImageId());
            assertEquals(Result.Status.FAILED, failed.getStatus());
            assertEquals(FailureReason.PROCESSING_ERROR, failed.getFailureReason());
            assertEquals(99_000, failed.getCompletedAtMs());
            assertEquals(List.of(softmax.modelId()), failed.getModelVersionsList());

            List<Candidates> predictions = new ArrayList<>();
            for (var r : out) {
                if (r.topic().equals(Topics.PREDICTIONS.name())) {
                    Candidates c = Candidates.parseFrom(r.value());
                    assertEquals(c.getImageId(), text(r.key()));
                    predictions.add(c);
                }
            }
            assertEquals(List.of("red", "blue"), predictions.stream().map(Candidates::getImageId).toList(),
                    "the image id falls back to the record key");
            Candidates red = predictions.get(0);
            assertEquals("red_fort", red.getCandidates(0).getLandmarkId());
            assertEquals(2, red.getCandidatesCount());
            assertEquals("blue_mosque", predictions.get(1).getCandidates(0).getLandmarkId());
            assertEquals(softmax.modelId(), red.getModelId());
            assertEquals(1234, red.getRequestedAtMs());
            assertEquals("https://example.org/red.jpg", red.getSourceUrl());
            assertEquals(List.of("fetch", "candidates"), red.getTimingsList().stream().map(StageTiming::getStage).toList());
        }
    }

    @Test
    void aBatchThatFailsIsRetriedImageByImage() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CandidateGenerator<BufferedImage> picky = new CandidateGenerator<>() {
            @Override
            public String modelId() {
                return "test:picky";
            }

            @Override
            public List<List<LandmarkScore>> candidates(List<BufferedImage> batch) {
                calls.incrementAndGet();
                for (BufferedImage i : batch) {
                    if (i.getWidth() == 13) {
                        throw new IllegalStateException("cannot do width 13");
                    }
                }
                return batch.stream().map(i -> List.of(new LandmarkScore("w" + i.getWidth(), 1f))).toList();
            }
        };
        var handler = CandidatesBatchHandler.of(new ImageInputReader(), picky);
        List<ProducerRecord<byte[], byte[]>> out = handler.handle(List.of(
                record(0, "a", image("a", jpeg(SyntheticImages.solid(12, 8, Color.RED)), "").toByteArray()),
                record(1, "b", image("b", jpeg(SyntheticImages.solid(13, 8, Color.RED)), "").toByteArray()),
                record(2, "c", image("c", jpeg(SyntheticImages.solid(14, 8, Color.RED)), "").toByteArray())));
        assertEquals(4, calls.get(), "one failed batch call, then three single calls");
        assertEquals(List.of(Topics.PREDICTIONS.name(), Topics.RESULTS.name(), Topics.PREDICTIONS.name()),
                out.stream().map(ProducerRecord::topic).toList());
        assertEquals("w14", Candidates.parseFrom(out.get(2).value()).getCandidates(0).getLandmarkId());
        assertTrue(Result.parseFrom(out.get(1).value()).getFailureDetail().contains("width 13"));
    }

    @Test
    void referencePhotosFeedTheEmbeddingIndexAndProduceNoOutput() throws Exception {
        Path dir = tmp.resolve("embedding");
        TestSavedModels.meanColourEmbedding(dir, 16);
        try (ImageModel model = ImageModel.load(ModelConfig.of(dir))) {
            EmbeddingCandidates knn = new EmbeddingCandidates(model, "", CandidatesConfig.defaults());
            var handler = new CandidatesBatchHandler<>(new ImageInputReader(), knn, Optional.of(knn::addReferences), Clock.systemUTC());
            List<ProducerRecord<byte[], byte[]>> first = handler.handle(List.of(
                    record(0, "r1", image("r1", jpeg(SyntheticImages.solid(20, 20, new Color(230, 20, 20))), "reds").toByteArray()),
                    record(1, "b1", image("b1", jpeg(SyntheticImages.solid(20, 20, new Color(20, 20, 230))), "blues").toByteArray())));
            assertEquals(List.of(), first);
            assertEquals(2, knn.referenceCount());
            List<ProducerRecord<byte[], byte[]>> second = handler.handle(List.of(
                    record(2, "q", image("q", jpeg(SyntheticImages.solid(20, 20, new Color(40, 30, 200))), "").toByteArray())));
            Candidates c = Candidates.parseFrom(only(second, Topics.PREDICTIONS.name()).value());
            assertEquals(List.of("blues", "reds"), c.getCandidatesList().stream().map(x -> x.getLandmarkId()).toList());
            assertTrue(c.getModelId().startsWith("cnn-knn:"));
        }
    }

    private static ProducerRecord<byte[], byte[]> only(List<ProducerRecord<byte[], byte[]>> out, String topic) {
        List<ProducerRecord<byte[], byte[]>> matching = out.stream().filter(r -> r.topic().equals(topic)).toList();
        assertEquals(1, matching.size(), "records on " + topic);
        return matching.get(0);
    }
}
