#!/usr/bin/env python3
"""An independent GAP for cross-checking `landmarks evaluate`: usage gap_reference.py SUBMISSION.csv SOLUTION.csv.
First prediction per query, ranked by score descending with ties by id; precision at each correct prediction,
summed and divided by the number of queries with a landmark."""
import csv
import sys

truth = {r["id"]: set(r["landmarks"].split()) for r in csv.DictReader(open(sys.argv[2]))}
first = {}
for r in csv.DictReader(open(sys.argv[1])):
    if r["id"] in truth and r["id"] not in first and r["landmarks"].strip():
        landmark, score = r["landmarks"].split()[:2]
        first[r["id"]] = (-float(score), r["id"], landmark)
ranked = sorted(first.values())
m = sum(1 for s in truth.values() if s)
hits, total = 0, 0.0
for i, (_, qid, landmark) in enumerate(ranked, 1):
    if landmark in truth[qid]:
        hits += 1
        total += hits / i
print("GAP %.6f" % (total / m if m else 0.0))
