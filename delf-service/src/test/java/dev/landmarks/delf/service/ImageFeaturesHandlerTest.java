package dev.landmarks.delf.service;

import com.google.protobuf.ByteString;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.DeadLetters;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.delf.SampleData;
import dev.landmarks.delf.features.RootSiftConfig;
import dev.landmarks.delf.features.RootSiftExtractor;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.ImageEncoding;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import dev.landmarks.proto.StageTiming;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch step on records in memory, with the real RootSIFT extractor and real photos from sample/. */
class ImageFeaturesHandlerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    static RootSiftExtractor extractor;

    @BeforeAll
    static void extractor() {
        extractor = new RootSiftExtractor(RootSiftConfig.defaults().withSize(640, 1000));
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    @Test
    void aGoodImageBecomesFeaturesWithIdsLabelsAndTimingsCarriedOver() throws Exception {
        Image image = image("a2aa63283040ff1c", "train/sacre_coeur/a2aa63283040ff1c.jpg", "sacre_coeur");
        ImageFeaturesHandler handler = handler(DescriptorEncoding.INT8);

        List<ProducerRecord<byte[], byte[]>> out = handler.handle(List.of(record(0, "a2aa63283040ff1c", image.toByteArray())));

        assertEquals(1, out.size());
        ProducerRecord<byte[], byte[]> r = out.get(0);
        assertEquals(Topics.FEATURES.name(), r.topic());
        assertEquals("a2aa63283040ff1c", new String(r.key(), StandardCharsets.UTF_8));
        LocalFeatures f = LocalFeatures.parseFrom(r.value());
        assertEquals("a2aa63283040ff1c", f.getImageId());
        assertEquals("sacre_coeur", f.getLandmarkId());
        assertEquals(image.getSourceUrl(), f.getSourceUrl());
        assertEquals(1234L, f.getRequestedAtMs());
        assertEquals(extractor.id(), f.getExtractor());
        assertEquals(DescriptorEncoding.INT8, f.getDescriptorEncoding());
        assertEquals(128, f.getDescriptorDim());
        assertTrue(f.getXCount() > 100, "a landmark photo has many keypoints: " + f.getXCount());
        assertEquals(f.getXCount() * 128, f.getDescriptors().size());
        assertEquals(List.of("fetch", "features"), f.getTimingsList().stream().map(StageTiming::getStage).toList());
        // the same features as extracting directly, up to INT8 rounding
        Features direct = extractor.extract(javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(image.getData().toByteArray())));
        Features decoded = FeaturesCodec.fromProto(f);
        assertArrayEquals(direct.x(), decoded.x());
        assertArrayEquals(direct.descriptors(), decoded.descriptors(), f.getDescriptorScale() / 2 * 1.001f);
    }

    @Test
    void brokenImageBytesGiveOneFailedResult() throws Exception {
        byte[] jpeg = Files.readAllBytes(SampleData.path("train/sacre_coeur/a2aa63283040ff1c.jpg"));
        Image truncated = image("cut", "train/sacre_coeur/a2aa63283040ff1c.jpg", "").toBuilder()
                .setData(ByteString.copyFrom(Arrays.copyOf(jpeg, jpeg.length / 3))).build();
        Image notAnImage = truncated.toBuilder().setImageId("html")
                .setData(ByteString.copyFromUtf8("<html>404</html>")).build();

        List<ProducerRecord<byte[], byte[]>> out = handler(DescriptorEncoding.INT8).handle(List.of(
                record(0, "cut", truncated.toByteArray()), record(1, "html", notAnImage.toByteArray())));

        assertEquals(2, out.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(Topics.RESULTS.name(), out.get(i).topic());
            Result result = Result.parseFrom(out.get(i).value());
            assertEquals(Result.Status.FAILED, result.getStatus());
            assertEquals(FailureReason.PROCESSING_ERROR, result.getFailureReason());
            assertTrue(result.getFailureDetail().startsWith("could not decode the image bytes"), result.getFailureDetail());
            assertEquals(List.of(extractor.id()), result.getModelVersionsList());
            assertEquals(CLOCK.millis(), result.getCompletedAtMs());
            assertEquals(1234L, result.getRequestedAtMs());
        }
        assertEquals("cut", Result.parseFrom(out.get(0).value()).getImageId());
        assertTrue(Result.parseFrom(out.get(0).value()).getFailureDetail().contains("truncated"));
        assertEquals("html", new String(out.get(1).key(), StandardCharsets.UTF_8));
    }

    @Test
    void aRecordThatIsNotAnImageGoesToTheDeadLetterTopicUnchanged() throws Exception {
        byte[] garbage = {(byte) 0xff, 0x01, 0x02, (byte) 0x88};
        Image good = image("box", "train/opencv_box/d71b0dde6bd743a5.png", "opencv_box");

        List<ProducerRecord<byte[], byte[]>> out = handler(DescriptorEncoding.FLOAT16).handle(List.of(
                record(5, "junk", garbage), record(6, "tombstone", null), record(7, "box", good.toByteArray())));

        assertEquals(3, out.size());
        for (int i = 0; i < 2; i++) {
            ProducerRecord<byte[], byte[]> dead = out.get(i);
            assertEquals(Topics.DEAD_LETTERS.name(), dead.topic());
            assertEquals(ImageFeaturesHandler.STAGE,
                    new String(dead.headers().lastHeader(DeadLetters.HEADER_STAGE).value(), StandardCharsets.UTF_8));
            assertEquals(Long.toString(5 + i),
                    new String(dead.headers().lastHeader(DeadLetters.HEADER_OFFSET).value(), StandardCharsets.UTF_8));
        }
        assertArrayEquals(garbage, out.get(0).value());
        assertEquals(Topics.FEATURES.name(), out.get(2).topic());
        assertEquals(DescriptorEncoding.FLOAT16, LocalFeatures.parseFrom(out.get(2).value()).getDescriptorEncoding());
    }

    @Test
    void theImageIdFallsBackToTheRecordKey() throws Exception {
        Image anonymous = image("", "train/opencv_graf/2b8de19480fdc436.png", "");

        ProducerRecord<byte[], byte[]> out = handler(DescriptorEncoding.INT8)
                .handle(List.of(record(0, "from-key", anonymous.toByteArray()))).get(0);

        assertEquals("from-key", LocalFeatures.parseFrom(out.value()).getImageId());
    }

    @Test
    void featuresThatWouldExceedTheRecordLimitLoseTheirWeakestKeypoints() throws Exception {
        Image image = image("leuven", "train/opencv_leuven/2bd4c5e0a2b5e93c.jpg", "opencv_leuven");
        FeatureServiceConfig tight = new FeatureServiceConfig("unused:9092", "g", 4,
                FeatureServiceConfig.DEFAULT_POLL_TIMEOUT, DescriptorEncoding.FLOAT32, 50_000, 50_000_000L, (short) 1);
        Features all = extractor.extract(javax.imageio.ImageIO.read(SampleData.path(
                "train/opencv_leuven/2bd4c5e0a2b5e93c.jpg").toFile()));

        ProducerRecord<byte[], byte[]> out = new ImageFeaturesHandler(extractor, tight, CLOCK)
                .handle(List.of(record(0, "leuven", image.toByteArray()))).get(0);

        assertTrue(out.value().length <= 50_000, out.value().length + " bytes");
        LocalFeatures f = LocalFeatures.parseFrom(out.value());
        assertTrue(f.getXCount() > 0 && f.getXCount() < all.size(), f.getXCount() + " of " + all.size());
        float[] kept = FeaturesCodec.fromProto(f).strength();
        assertArrayEquals(Arrays.copyOf(all.strength(), kept.length), kept, "the strongest are kept");
    }

    static ImageFeaturesHandler handler(DescriptorEncoding encoding) {
        return new ImageFeaturesHandler(extractor,
                FeatureServiceConfig.defaults("unused:9092").withEncoding(encoding), CLOCK);
    }

    static Image image(String id, String samplePath, String landmark) throws IOException {
        Path file = SampleData.path(samplePath);
        return Image.newBuilder()
                .setImageId(id)
                .setSourceUrl(samplePath)
                .setData(ByteString.copyFrom(Files.readAllBytes(file)))
                .setEncoding(samplePath.endsWith(".png") ? ImageEncoding.PNG : ImageEncoding.JPEG)
                .setLandmarkId(landmark)
                .setRequestedAtMs(1234L)
                .addTimings(StageTiming.newBuilder().setStage("fetch").setMillis(3.5))
                .build();
    }

    static ConsumerRecord<byte[], byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>(Topics.IMAGES.name(), 0, offset, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
