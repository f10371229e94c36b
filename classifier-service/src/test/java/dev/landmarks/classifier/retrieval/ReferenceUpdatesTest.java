package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.candidates.LandmarkScore;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyConfig;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyTrainer;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.DescriptorEncoding;
import dev.landmarks.proto.ReferenceFeatures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceUpdatesTest {
    private static final SyntheticImages WORLD = new SyntheticImages(3, 20, 10, 0.03f, 5);

    private static RetrievalIndex emptyIndex() {
        List<Features> training = List.of(WORLD.image(0, 300, 0.3, 1), WORLD.image(1, 300, 0.3, 2),
                WORLD.image(2, 300, 0.3, 3));
        return new RetrievalIndex(VocabularyTrainer.train(new VocabularyConfig(4, 16, 10, 10_000, 1, null), training),
                RetrievalConfig.defaults());
    }

    /** A record value as it travels on landmark.references: serialised with the topic's serde and read back. */
    private static ReferenceFeatures wire(String landmark, String image, Features f) {
        ReferenceFeatures value = ReferenceFeatures.newBuilder().setLandmarkId(landmark).setImageId(image)
                .setFeatures(FeaturesCodec.toProto(f, DescriptorEncoding.FLOAT16)).build();
        byte[] bytes = Topics.REFERENCES.valueSerde().serializer().serialize(Topics.REFERENCES.name(), value);
        return Topics.REFERENCES.valueSerde().deserializer().deserialize(Topics.REFERENCES.name(), bytes);
    }

    @Test
    void aValueAddsAndATombstoneRemoves() {
        RetrievalIndex index = emptyIndex();
        for (int l = 0; l < 3; l++) {
            assertTrue(ReferenceUpdates.apply(index, "landmark-" + l + "/img-" + l,
                    wire("landmark-" + l, "img-" + l, WORLD.image(l, 300, 0.3, 10 + l))));
        }
        assertEquals(3, index.size());
        assertEquals("landmark-1", index.query(WORLD.image(1, 300, 0.3, 99), 1).get(0).landmarkId());

        assertTrue(ReferenceUpdates.apply(index, "landmark-1/img-1", null));
        assertFalse(ReferenceUpdates.apply(index, "landmark-1/img-1", null), "a second tombstone changes nothing");
        assertEquals(2, index.size());
        assertTrue(index.query(WORLD.image(1, 300, 0.3, 99), 5).stream()
                .noneMatch(c -> c.landmarkId().equals("landmark-1")));
    }

    @Test
    void idsMissingFromTheValueComeFromTheKey() {
        RetrievalIndex index = emptyIndex();
        ReferenceFeatures bare = ReferenceFeatures.newBuilder()
                .setFeatures(FeaturesCodec.toProto(WORLD.image(2, 300, 0.3, 7), DescriptorEncoding.FLOAT32)).build();
        ReferenceUpdates.apply(index, "landmark-2/img-7", bare);
        LandmarkCandidate top = index.query(WORLD.image(2, 300, 0.3, 8), 1).get(0);
        assertEquals("landmark-2", top.landmarkId());
        assertEquals(List.of("img-7"), top.bestReferenceIds());
    }

    @Test
    void aKeyWithoutLandmarkAndImageIsRefused() {
        RetrievalIndex index = emptyIndex();
        assertThrows(IllegalArgumentException.class, () -> ReferenceUpdates.apply(index, "img-7", null));
        assertThrows(IllegalArgumentException.class, () -> ReferenceUpdates.apply(index, "landmark/", null));
    }

    @Test
    void theGeneratorAnswersEveryQueryOfABatchInOrder() {
        RetrievalIndex index = emptyIndex();
        for (int l = 0; l < 3; l++) {
            index.add(new Reference("landmark-" + l, "img-" + l, WORLD.image(l, 300, 0.3, 20 + l)));
        }
        RetrievalCandidates generator = new RetrievalCandidates(index, 2);
        List<List<LandmarkScore>> out = generator.candidates(List.of(
                WORLD.image(2, 300, 0.3, 30), WORLD.image(0, 300, 0.3, 31), WORLD.image(1, 300, 0.3, 32)));
        assertEquals(3, out.size());
        assertEquals("landmark-2", out.get(0).get(0).landmarkId());
        assertEquals("landmark-0", out.get(1).get(0).landmarkId());
        assertEquals("landmark-1", out.get(2).get(0).landmarkId());
        assertTrue(out.stream().allMatch(l -> l.size() <= 2));
        assertEquals(index.modelId(), generator.modelId());
    }
}
