package dev.landmarks.classifier.retrieval;

import dev.landmarks.classifier.retrieval.vocabulary.VocabularyConfig;
import dev.landmarks.classifier.retrieval.vocabulary.VocabularyFile;
import dev.landmarks.common.features.Features;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalIndexTest {
    /** Landmarks 0..4 have three references each; landmark 5 has a single one. */
    private static final int LANDMARKS = 6;
    private static final SyntheticImages WORLD = new SyntheticImages(LANDMARKS, 20, 10, 0.03f, 17);
    private static final VocabularyConfig VOCABULARY = new VocabularyConfig(8, 16, 10, 20_000, 42, null);
    private static List<Reference> references;
    private static RetrievalIndex shared;

    @BeforeAll
    static void build() {
        references = new ArrayList<>();
        for (int l = 0; l < LANDMARKS; l++) {
            for (int r = 0; r < (l == 5 ? 1 : 3); r++) {
                references.add(new Reference("landmark-" + l, "ref-" + l + "-" + r,
                        WORLD.image(l, 300, 0.3, 1000L * l + r)));
            }
        }
        shared = RetrievalIndex.build(VOCABULARY, RetrievalConfig.defaults(), references);
    }

    private static Features query(int landmark) {
        return WORLD.image(landmark, 300, 0.3, 99_000L + landmark);
    }

    /** The default kernel with other aggregation and limits. */
    private static RetrievalConfig with(RetrievalConfig.Aggregation aggregation, int aggregateTop, int references,
                                        int maxQueryDescriptors) {
        RetrievalConfig d = RetrievalConfig.defaults();
        return new RetrievalConfig(d.kernel(), d.alpha(), d.threshold(), d.tfPower(), aggregation, aggregateTop,
                references, d.queryAssignments(), maxQueryDescriptors);
    }

    private static RetrievalIndex fresh() {
        RetrievalIndex index = new RetrievalIndex(shared.vocabulary(), RetrievalConfig.defaults());
        references.forEach(index::add);
        return index;
    }

    @Test
    void everyLandmarkIsFoundFirstIncludingOneWithASingleReference() {
        for (int l = 0; l < LANDMARKS; l++) {
            List<LandmarkCandidate> top = shared.query(query(l), 5);
            assertEquals("landmark-" + l, top.get(0).landmarkId(), "query of landmark " + l + ": " + top);
            assertEquals(5, top.size());
        }
    }

    @Test
    void candidatesAreBestFirstWithTheirOwnReferencesBestFirst() {
        List<LandmarkCandidate> top = shared.query(query(2), 5);
        for (int i = 1; i < top.size(); i++) {
            assertTrue(top.get(i - 1).score() >= top.get(i).score(), top.toString());
        }
        for (LandmarkCandidate c : top) {
            String number = c.landmarkId().substring("landmark-".length());
            assertFalse(c.bestReferenceIds().isEmpty());
            assertTrue(c.bestReferenceIds().stream().allMatch(id -> id.startsWith("ref-" + number + "-")), c.toString());
            assertEquals(c.bestReferenceIds().size(), c.bestReferenceIds().stream().distinct().count());
        }
        assertEquals(3, top.get(0).bestReferenceIds().size());
        assertTrue(top.get(0).score() > 0f && top.get(0).score() <= 1.0001f);
        assertEquals(2, shared.query(query(2), 2).size());
    }

    @Test
    void referencesPerLandmarkCapsTheIdsReturned() {
        RetrievalConfig two = with(RetrievalConfig.Aggregation.MAX, 2, 2, 0);
        RetrievalIndex index = new RetrievalIndex(shared.vocabulary(), two);
        references.forEach(index::add);
        assertEquals(2, index.query(query(1), 1).get(0).bestReferenceIds().size());
    }

    @Test
    void aRemovedReferenceIsNoLongerProposed() {
        RetrievalIndex index = fresh();
        assertTrue(index.remove("ref-5-0"));
        assertFalse(index.remove("ref-5-0"));
        assertEquals(references.size() - 1, index.size());
        List<LandmarkCandidate> top = index.query(query(5), 5);
        assertTrue(top.stream().noneMatch(c -> c.landmarkId().equals("landmark-5")), top.toString());

        assertTrue(index.remove("ref-0-1"));
        LandmarkCandidate zero = index.query(query(0), 1).get(0);
        assertEquals("landmark-0", zero.landmarkId());
        assertFalse(zero.bestReferenceIds().contains("ref-0-1"));
        assertEquals(2, zero.bestReferenceIds().size());
    }

    @Test
    void addingAnImageIdAgainReplacesIt() {
        RetrievalIndex index = fresh();
        // ref-5-0 is re-labelled and now shows landmark 4: a compacted topic's update of the same key.
        index.add(new Reference("landmark-4", "ref-5-0", WORLD.image(4, 300, 0.3, 5)));
        assertEquals(references.size(), index.size());
        List<LandmarkCandidate> top = index.query(query(5), 5);
        assertTrue(top.stream().noneMatch(c -> c.landmarkId().equals("landmark-5")), top.toString());
        assertTrue(index.query(query(4), 1).get(0).bestReferenceIds().contains("ref-5-0"));
    }

    @Test
    void anEmptyIndexOrQueryProposesNothing() {
        RetrievalIndex empty = new RetrievalIndex(shared.vocabulary(), RetrievalConfig.defaults());
        assertTrue(empty.query(query(0), 5).isEmpty());
        assertTrue(shared.query(Features.empty("synthetic", 1, 1, SyntheticImages.DIM), 5).isEmpty());
    }

    @Test
    void theModelIdIsTheCodebookHashAndALoadedCodebookGivesTheSameResults(@TempDir Path dir) throws Exception {
        assertTrue(shared.modelId().matches("retrieval:[0-9a-f]{64}"), shared.modelId());
        Path file = dir.resolve("codebook.bin");
        VocabularyFile.save(shared.vocabulary(), file);
        VocabularyConfig fromFile = new VocabularyConfig(8, 16, 10, 20_000, 42, file);
        RetrievalIndex loaded = RetrievalIndex.build(fromFile, RetrievalConfig.defaults(), references);
        assertEquals(shared.modelId(), loaded.modelId());
        assertEquals(shared.query(query(3), 5), loaded.query(query(3), 5));
    }

    @Test
    void sumAggregationRewardsSeveralAgreeingReferences() {
        RetrievalConfig sum = with(RetrievalConfig.Aggregation.SUM, 3, 20, 0);
        RetrievalIndex index = new RetrievalIndex(shared.vocabulary(), sum);
        references.forEach(index::add);
        List<LandmarkCandidate> max = shared.query(query(1), 1);
        List<LandmarkCandidate> summed = index.query(query(1), 1);
        assertEquals("landmark-1", summed.get(0).landmarkId());
        assertTrue(summed.get(0).score() > max.get(0).score());
    }

    @Test
    void onlyTheStrongestQueryDescriptorsAreUsedWhenCapped() {
        RetrievalConfig capped = with(RetrievalConfig.Aggregation.MAX, 2, 20, 10);
        RetrievalIndex index = new RetrievalIndex(shared.vocabulary(), capped);
        references.forEach(index::add);
        Features q = query(3);
        Features firstTen = SyntheticImages.features(java.util.Arrays.copyOf(q.descriptors(), 10 * q.dim()), 10);
        assertEquals(shared.query(firstTen, 5), index.query(q, 5));
    }
}
