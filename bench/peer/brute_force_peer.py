#!/usr/bin/python3
"""Brute-force landmark recognition peer: the baseline our pipeline is compared with (issue 5).

Inputs: a Kaggle-style train.csv (id,url,landmark_id) and test.csv (id,url); urls are image paths relative to
the folder of their CSV. Output: a Kaggle submission (id,landmarks) with "<landmark_id> <score>" or an empty value.

Method, deliberately plain: every image is resized to a maximum side, SIFT keypoints are extracted and turned
into RootSIFT descriptors; every query is matched against every reference (2-nearest-neighbour brute force plus
Lowe's ratio test, optionally one-to-one), a homography is fitted with MAGSAC, and the query takes the landmark of
the reference with the most inliers, scored by that inlier count. No index, no shortlist, one process.

Timings of each phase and the total wall time are printed on stderr. Run with the Debian interpreter
(/usr/bin/python3), which sees the python3-opencv package.
"""

import argparse
import csv
import os
import sys
import time
from dataclasses import dataclass

import cv2
import numpy as np

# The threshold default is given for 1024 px images and scaled with --max-side, so that the tolerance stays the
# same fraction of the image whatever the resolution.
REFERENCE_SIDE = 1024
REFERENCE_THRESHOLD_PX = 8.0


@dataclass(frozen=True)
class PeerConfig:
    """Every knob of the peer, with the defaults of the 1024 px / 4000 features setting of the issue."""

    max_side: int = 1024          # longest image side after resizing (images are only shrunk, never enlarged)
    features: int = 4000          # SIFT keypoints kept per image (cv2.SIFT_create nfeatures)
    ratio: float = 0.8            # Lowe ratio: keep a match when best < ratio * second best distance
    threshold: float = 8.0        # MAGSAC reprojection threshold in pixels of the resized query
    one_to_one: bool = False      # each reference keypoint used by at most one match (the closest one)
    min_inliers: int = 0          # below this many inliers the query gets no answer (the 2018 rule is 35)
    max_iters: int = 10000        # MAGSAC iteration cap
    confidence: float = 0.999     # MAGSAC confidence
    seed: int = 42                # OpenCV RNG seed, set before every homography fit so each pair repeats

    def __post_init__(self):
        if self.max_side < 16:
            raise ValueError(f"max_side must be at least 16, got {self.max_side}")
        if self.features < 1:
            raise ValueError(f"features must be positive, got {self.features}")
        if not 0.0 < self.ratio <= 1.0:
            raise ValueError(f"ratio must be in (0, 1], got {self.ratio}")
        if self.threshold <= 0.0:
            raise ValueError(f"threshold must be positive, got {self.threshold}")
        if self.min_inliers < 0:
            raise ValueError(f"min_inliers must be >= 0, got {self.min_inliers}")
        if not 0.0 < self.confidence < 1.0:
            raise ValueError(f"confidence must be in (0, 1), got {self.confidence}")


@dataclass(frozen=True)
class ImageFeatures:
    """Keypoint coordinates (n x 2, float32, resized-image pixels) and RootSIFT descriptors (n x 128, float32)."""

    points: np.ndarray
    descriptors: np.ndarray


EMPTY_FEATURES = ImageFeatures(np.zeros((0, 2), np.float32), np.zeros((0, 128), np.float32))


def read_csv_rows(path):
    """Rows of a Kaggle CSV as dicts, with 'path' set to the image file resolved against the CSV's folder."""
    folder = os.path.dirname(os.path.abspath(path))
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        url = row["url"]
        if "://" in url:
            raise SystemExit(f"{path}: only local image paths are supported, got url {url}")
        row["path"] = url if os.path.isabs(url) else os.path.join(folder, url)
    return rows


def load_gray(path, max_side):
    """Greyscale image shrunk so that its longest side is at most max_side; None when it cannot be read."""
    image = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if image is None:
        return None
    longest = max(image.shape[:2])
    if longest > max_side:
        factor = max_side / longest
        size = (max(1, round(image.shape[1] * factor)), max(1, round(image.shape[0] * factor)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return image


def root_sift(descriptors):
    """RootSIFT (Arandjelovic and Zisserman 2012): L1-normalise each SIFT descriptor, then take the square root,
    so that Euclidean distance between results compares like the Hellinger kernel between the originals."""
    descriptors = descriptors.astype(np.float32)
    sums = descriptors.sum(axis=1, keepdims=True)
    return np.sqrt(descriptors / np.maximum(sums, 1e-7))


def extract(sift, image):
    keypoints, descriptors = sift.detectAndCompute(image, None)
    if descriptors is None or len(keypoints) == 0:
        return EMPTY_FEATURES
    points = np.array([kp.pt for kp in keypoints], dtype=np.float32)
    return ImageFeatures(points, root_sift(descriptors))


def ratio_matches(matcher, query, reference, ratio):
    """(query index, reference index, distance) of the matches that pass the ratio test, as an n x 3 array."""
    if len(query.descriptors) == 0 or len(reference.descriptors) < 2:
        return np.zeros((0, 3), np.float32)
    kept = []
    for pair in matcher.knnMatch(query.descriptors, reference.descriptors, k=2):
        if len(pair) == 2 and pair[0].distance < ratio * pair[1].distance:
            kept.append((pair[0].queryIdx, pair[0].trainIdx, pair[0].distance))
    return np.array(kept, dtype=np.float32).reshape(-1, 3)


def one_to_one(matches):
    """Keeps, for each reference keypoint, only the closest query match: many query points on one repeated
    structure then no longer vote many times for the same reference point."""
    if len(matches) == 0:
        return matches
    order = np.lexsort((matches[:, 2], matches[:, 1]))  # by reference index, then distance
    ordered = matches[order]
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:, 1] != ordered[:-1, 1]
    return ordered[first]


def count_inliers(query, reference, matches, config):
    """Inliers of a MAGSAC homography from query to reference points; 0 when fewer than 4 matches or no fit."""
    if len(matches) < 4:
        return 0
    src = query.points[matches[:, 0].astype(np.int64)].reshape(-1, 1, 2)
    dst = reference.points[matches[:, 1].astype(np.int64)].reshape(-1, 1, 2)
    cv2.setRNGSeed(config.seed)
    _, mask = cv2.findHomography(src, dst, cv2.USAC_MAGSAC, config.threshold,
                                 maxIters=config.max_iters, confidence=config.confidence)
    return 0 if mask is None else int(mask.sum())


def pair_inliers(matcher, query, reference, config):
    matches = ratio_matches(matcher, query, reference, config.ratio)
    if config.one_to_one:
        matches = one_to_one(matches)
    return count_inliers(query, reference, matches, config)


def predict(inliers_per_reference, reference_landmarks, min_inliers):
    """(landmark, inliers) of the reference with the most inliers (first in train.csv order on ties), or None
    when no reference reaches max(1, min_inliers) inliers."""
    if len(inliers_per_reference) == 0:
        return None
    best = int(np.argmax(inliers_per_reference))
    inliers = int(inliers_per_reference[best])
    if inliers < max(1, min_inliers):
        return None
    return reference_landmarks[best], inliers


def extract_all(rows, sift, config, label):
    features = []
    for row in rows:
        image = load_gray(row["path"], config.max_side)
        if image is None:
            print(f"peer: cannot read {label} image {row['path']}; it gets no features", file=sys.stderr)
            features.append(EMPTY_FEATURES)
        else:
            features.append(extract(sift, image))
    return features


def run(train_csv, test_csv, out_csv, config, log=sys.stderr):
    """Runs the peer end to end and writes the submission; returns {test id: (landmark, inliers) or None}."""
    total_start = time.perf_counter()
    train_rows = read_csv_rows(train_csv)
    test_rows = read_csv_rows(test_csv)
    sift = cv2.SIFT_create(nfeatures=config.features)
    matcher = cv2.BFMatcher(cv2.NORM_L2)

    start = time.perf_counter()
    references = extract_all(train_rows, sift, config, "reference")
    reference_seconds = time.perf_counter() - start
    start = time.perf_counter()
    queries = extract_all(test_rows, sift, config, "query")
    query_seconds = time.perf_counter() - start

    start = time.perf_counter()
    landmarks = [row["landmark_id"] for row in train_rows]
    predictions = {}
    for query_row, query in zip(test_rows, queries):
        inliers = [pair_inliers(matcher, query, reference, config) for reference in references]
        predictions[query_row["id"]] = predict(inliers, landmarks, config.min_inliers)
    match_seconds = time.perf_counter() - start

    write_submission(out_csv, test_rows, predictions)
    total_seconds = time.perf_counter() - total_start
    pairs = len(test_rows) * len(train_rows)
    print(f"peer: {len(train_rows)} references, {len(test_rows)} queries, {pairs} pairs; config {config}", file=log)
    print(f"peer: reference features {reference_seconds:.2f} s", file=log)
    print(f"peer: query features     {query_seconds:.2f} s", file=log)
    print(f"peer: match + MAGSAC     {match_seconds:.2f} s"
          f" ({1000 * match_seconds / max(1, pairs):.1f} ms per pair)", file=log)
    print(f"peer: total wall time    {total_seconds:.2f} s"
          f" ({total_seconds / max(1, len(test_rows)):.3f} s per query)", file=log)
    # CPU seconds of all threads: less sensitive than wall time to other work on a shared machine.
    print(f"peer: total CPU time     {time.process_time():.2f} s", file=log)
    return predictions


def write_submission(path, test_rows, predictions):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "landmarks"])
        for row in test_rows:
            prediction = predictions.get(row["id"])
            writer.writerow([row["id"], "" if prediction is None else f"{prediction[0]} {prediction[1]}"])


def parse_args(argv):
    defaults = PeerConfig()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train_csv")
    parser.add_argument("test_csv")
    parser.add_argument("--out", required=True, help="submission CSV to write")
    parser.add_argument("--max-side", type=int, default=defaults.max_side)
    parser.add_argument("--features", type=int, default=defaults.features)
    parser.add_argument("--ratio", type=float, default=defaults.ratio)
    parser.add_argument("--threshold", type=float, default=None,
                        help=f"MAGSAC threshold in px (default {REFERENCE_THRESHOLD_PX} scaled by max-side/{REFERENCE_SIDE})")
    parser.add_argument("--one-to-one", action="store_true")
    parser.add_argument("--min-inliers", type=int, default=defaults.min_inliers)
    parser.add_argument("--max-iters", type=int, default=defaults.max_iters)
    parser.add_argument("--confidence", type=float, default=defaults.confidence)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--threads", type=int, default=-1,
                        help="OpenCV worker threads (cv2.setNumThreads); -1 keeps OpenCV's default (all cores)")
    args = parser.parse_args(argv)
    threshold = args.threshold
    if threshold is None:
        threshold = REFERENCE_THRESHOLD_PX * args.max_side / REFERENCE_SIDE
    config = PeerConfig(max_side=args.max_side, features=args.features, ratio=args.ratio, threshold=threshold,
                        one_to_one=args.one_to_one, min_inliers=args.min_inliers, max_iters=args.max_iters,
                        confidence=args.confidence, seed=args.seed)
    return args, config


def main(argv=None):
    args, config = parse_args(sys.argv[1:] if argv is None else argv)
    if args.threads >= 0:
        cv2.setNumThreads(args.threads)
    run(args.train_csv, args.test_csv, args.out, config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
