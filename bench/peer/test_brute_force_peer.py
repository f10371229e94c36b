#!/usr/bin/python3
"""Tests of the brute-force peer: the pure pieces on hand-made arrays, one real photo pair of the bundled sample,
and a small end-to-end run on the sample. Run: /usr/bin/python3 -m unittest discover -s bench/peer -v"""

import csv
import os
import tempfile
import unittest

import cv2
import numpy as np

import brute_force_peer as peer

SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sample")
SMALL = peer.PeerConfig(max_side=480, features=500, threshold=4.0)


class RootSiftTest(unittest.TestCase):
    def test_rows_have_unit_l2_norm_and_follow_the_hellinger_mapping(self):
        raw = np.array([[1, 3, 0, 12], [0, 0, 0, 0], [5, 5, 5, 5]], dtype=np.float32)
        result = peer.root_sift(raw)
        np.testing.assert_allclose(result[0], np.sqrt(raw[0] / 16.0), rtol=1e-6)
        np.testing.assert_allclose(np.linalg.norm(result[[0, 2]], axis=1), [1.0, 1.0], rtol=1e-6)
        self.assertTrue(np.all(result[1] == 0.0), "an all-zero descriptor stays zero, without NaN")


class OneToOneTest(unittest.TestCase):
    def test_keeps_the_closest_query_point_for_each_reference_point(self):
        matches = np.array([[0, 7, 0.5], [1, 7, 0.2], [2, 3, 0.9], [3, 7, 0.4]], dtype=np.float32)
        kept = peer.one_to_one(matches)
        self.assertEqual(sorted(map(tuple, kept[:, :2].astype(int).tolist())), [(1, 7), (2, 3)])

    def test_empty_stays_empty(self):
        self.assertEqual(len(peer.one_to_one(np.zeros((0, 3), np.float32))), 0)


class PredictTest(unittest.TestCase):
    def test_best_reference_wins_and_ties_go_to_the_first(self):
        self.assertEqual(peer.predict([3, 40, 40, 2], ["a", "b", "c", "d"], 0), ("b", 40))

    def test_no_answer_below_min_inliers_or_without_any_inlier(self):
        self.assertIsNone(peer.predict([3, 34], ["a", "b"], 35))
        self.assertIsNone(peer.predict([0, 0], ["a", "b"], 0))
        self.assertEqual(peer.predict([3, 35], ["a", "b"], 35), ("b", 35))


class ConfigTest(unittest.TestCase):
    def test_rejects_values_out_of_range(self):
        for bad in ({"ratio": 0.0}, {"ratio": 1.5}, {"features": 0}, {"threshold": -1.0}, {"min_inliers": -1},
                    {"max_side": 8}, {"confidence": 1.0}):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                peer.PeerConfig(**bad)

    def test_threshold_default_scales_with_the_image_side(self):
        _, config = peer.parse_args(["t.csv", "q.csv", "--out", "o.csv", "--max-side", "512"])
        self.assertAlmostEqual(config.threshold, 4.0)
        _, config = peer.parse_args(["t.csv", "q.csv", "--out", "o.csv", "--threshold", "3"])
        self.assertAlmostEqual(config.threshold, 3.0)


class RealPhotoTest(unittest.TestCase):
    """A bundled photo against a rotated and shrunk copy of itself, and against a different landmark."""

    @classmethod
    def setUpClass(cls):
        rows = peer.read_csv_rows(os.path.join(SAMPLE, "train.csv"))
        cls.paths = {row["landmark_id"]: row["path"] for row in rows}
        cls.sift = cv2.SIFT_create(nfeatures=SMALL.features)
        cls.matcher = cv2.BFMatcher(cv2.NORM_L2)

    def features_of(self, image):
        return peer.extract(self.sift, image)

    def test_a_warped_copy_matches_with_many_inliers_and_repeats_exactly(self):
        image = peer.load_gray(self.paths["sacre_coeur"], SMALL.max_side)
        height, width = image.shape
        rotation = cv2.getRotationMatrix2D((width / 2, height / 2), 15, 0.8)
        warped = cv2.warpAffine(image, rotation, (width, height))
        reference, query = self.features_of(image), self.features_of(warped)
        first = peer.pair_inliers(self.matcher, query, reference, SMALL)
        second = peer.pair_inliers(self.matcher, query, reference, SMALL)
        self.assertGreater(first, 50)
        self.assertEqual(first, second, "the fixed seed makes a pair repeat")

    def test_a_different_landmark_gets_far_fewer_inliers(self):
        image = peer.load_gray(self.paths["sacre_coeur"], SMALL.max_side)
        other = peer.load_gray(self.paths["opencv_graf"], SMALL.max_side)
        same = peer.pair_inliers(self.matcher, self.features_of(image), self.features_of(image), SMALL)
        different = peer.pair_inliers(self.matcher, self.features_of(other), self.features_of(image), SMALL)
        self.assertLess(different, same / 5)

    def test_load_gray_only_shrinks(self):
        path = self.paths["sacre_coeur"]
        original = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        self.assertEqual(max(peer.load_gray(path, 200).shape), 200)
        self.assertEqual(peer.load_gray(path, 100000).shape, original.shape)
        self.assertIsNone(peer.load_gray(os.path.join(SAMPLE, "no-such-file.jpg"), 200))


class EndToEndTest(unittest.TestCase):
    def test_sample_run_writes_one_row_per_query_and_finds_the_graf_pair(self):
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "submission.csv")
            with open(os.devnull, "w") as quiet:
                predictions = peer.run(os.path.join(SAMPLE, "train.csv"), os.path.join(SAMPLE, "test.csv"), out,
                                       SMALL, log=quiet)
            with open(out, newline="") as f:
                rows = list(csv.DictReader(f))
        with open(os.path.join(SAMPLE, "test.csv"), newline="") as f:
            test_ids = [row["id"] for row in csv.DictReader(f)]
        with open(os.path.join(SAMPLE, "solution.csv"), newline="") as f:
            truth = {row["id"]: row["landmarks"] for row in csv.DictReader(f)}
        self.assertEqual([row["id"] for row in rows], test_ids)
        graf_queries = [query for query, landmark in truth.items() if landmark == "opencv_graf"]
        self.assertTrue(graf_queries, "the sample has a graf query")
        for query in graf_queries:
            self.assertEqual(predictions[query][0], "opencv_graf")
        for row in rows:
            if row["landmarks"]:
                landmark, score = row["landmarks"].split(" ")
                self.assertEqual((landmark, int(score)), predictions[row["id"]])


if __name__ == "__main__":
    unittest.main()
