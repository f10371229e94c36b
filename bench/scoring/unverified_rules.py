#!/usr/bin/env python3
"""Offline comparison of ways to choose and score a query's answer when verification is not conclusive.

Inputs (all produced by the project's own measurement mains, see docs/verification.md, "Scoring unverified answers"):
  --data     a Kaggle-layout folder with train.csv (id,url,landmark_id) and solution.csv (id,landmarks)
  --pairs    pairs.csv of DevSetEvaluation (query,reference,variant,matches,inliers,cells)
  --variant  which variant of pairs.csv to read (default ONE_TO_ONE/AFFINE/12, the verifier's default)
  --retrieval a RetrievalEvaluation dump (query,landmark,score,rank)
For each rule: GAP and top-1 when every query is answered from its top-k retrieval candidates, and the mean and
minimum GAP when the inlier counts below T are jittered by +-1 (100 draws): how much of a difference is noise.
Standard library only.
"""
import argparse
import collections
import csv
import random
import statistics


def read_inputs(args):
    landmark_of = {r['id']: r['landmark_id'] for r in csv.DictReader(open(f'{args.data}/train.csv'))}
    truth = {r['id']: r['landmarks'].strip() for r in csv.DictReader(open(f'{args.data}/solution.csv'))}
    inliers = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in csv.DictReader(open(args.pairs)):
        if r['variant'] == args.variant:
            inliers[r['query']][landmark_of[r['reference']]].append(int(r['inliers']))
    retrieval = collections.defaultdict(dict)
    for r in csv.DictReader(open(args.retrieval)):
        retrieval[r['query']][r['landmark']] = (float(r['score']), int(r['rank']))
    return truth, inliers, retrieval


def gap(predictions, truth):
    """predictions: (query, landmark, score); GAP as in docs/evaluation.md."""
    relevant = sum(1 for v in truth.values() if v)
    total, correct = 0.0, 0
    for i, (q, landmark, _) in enumerate(sorted(predictions, key=lambda p: -p[2]), 1):
        if truth[q] == landmark:
            correct += 1
            total += correct / i
    return total / relevant


def answer(query, rule, inliers, retrieval, k, threshold, jitter, rnd):
    top = sorted(retrieval[query].items(), key=lambda kv: kv[1][1])[:k]
    similarity = {landmark: value[0] for landmark, value in top}
    total = sum(similarity.values())
    best_inliers, evidence = {}, {}
    for landmark in similarity:
        counts = sorted((max(0, n + rnd.randint(-jitter, jitter)) if n < threshold else n)
                        for n in inliers[query][landmark])[::-1] or [0]
        best_inliers[landmark] = counts[0]
        evidence[landmark] = sum(counts[:rule['references']])
    candidate = (lambda l: similarity[l] / total) if rule['share'] else (lambda l: min(1.0, similarity[l]))
    w = rule['inlier_weight']

    def term(l):
        return w * min(evidence[l], 70) / 70 + (1 - w) * candidate(l)
    best = max(similarity, key=lambda l: (best_inliers[l] >= threshold, term(l), l))
    verified = best_inliers[best] >= threshold
    return best, (0.5 + 0.5 * term(best)) if verified else 0.5 * term(best)


RULES = {
    'inliers, raw candidate score as tie-break (default)': dict(share=False, inlier_weight=0.5, references=1),
    'inliers of the best two references': dict(share=False, inlier_weight=0.5, references=2),
    'candidate share of the top-k, w=0.5': dict(share=True, inlier_weight=0.5, references=1),
    'candidate share, w=0.5, best two references': dict(share=True, inlier_weight=0.5, references=2),
    'candidate share, w=0.9': dict(share=True, inlier_weight=0.9, references=1),
}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--data', required=True)
    p.add_argument('--pairs', required=True)
    p.add_argument('--retrieval', required=True)
    p.add_argument('--variant', default='ONE_TO_ONE/AFFINE/12')
    p.add_argument('--top-k', type=int, default=5)
    p.add_argument('--threshold', type=int, default=12)
    args = p.parse_args()
    truth, inliers, retrieval = read_inputs(args)
    print('| rule | GAP | top-1 | GAP, inliers below T jittered +-1: mean / min |')
    print('|---|---|---|---|')
    for name, rule in RULES.items():
        def run(jitter, seed):
            rnd = random.Random(seed)
            preds = [(q, *answer(q, rule, inliers, retrieval, args.top_k, args.threshold, jitter, rnd)) for q in truth]
            return gap(preds, truth), sum(1 for q, l, _ in preds if truth[q] == l)
        g, top1 = run(0, 0)
        jittered = [run(1, s)[0] for s in range(100)]
        print(f'| {name} | {g:.3f} | {top1} | {statistics.mean(jittered):.3f} / {min(jittered):.3f} |')


if __name__ == '__main__':
    main()
