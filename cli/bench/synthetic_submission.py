#!/usr/bin/env python3
"""Writes a synthetic Kaggle solution.csv and submission.csv of N queries into a folder, for timing
`landmarks evaluate` and cross-checking its GAP against gap_reference.py (see docs/evaluation.md).
40% of queries have one of 1000 landmarks; 15% get no prediction; 60% of predictions on landmark queries are
right, and right ones score 0.5 higher on average. Fixed seed: the same N gives the same files."""
import random
import sys
from pathlib import Path

n = int(sys.argv[1])
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
random.seed(7)
with open(out / "solution.csv", "w") as sol, open(out / "submission.csv", "w") as sub:
    sol.write("id,landmarks\n")
    sub.write("id,landmarks\n")
    for i in range(n):
        qid = "q%07d" % i
        truth = str(random.randrange(1000)) if random.random() < 0.4 else ""
        sol.write(f"{qid},{truth}\n")
        if random.random() < 0.15:
            sub.write(f"{qid},\n")
            continue
        guess = truth if (truth and random.random() < 0.6) else str(random.randrange(1000))
        score = random.random() + (0.5 if truth and guess == truth else 0)
        sub.write(f"{qid},{guess} {score:.6f}\n")
