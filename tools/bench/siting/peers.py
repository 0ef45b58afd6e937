"""Exact MCLP for the siting benchmark: pulp + CBC on the instances bench-siting wrote.

Coverage is recomputed here from the coordinates (numpy, independently of the Swift code); demand within the
radius of an existing facility weighs nothing. The model (Church & ReVelle 1974):

    maximise   sum_i w_i y_i
    subject to y_i <= sum_{j covers i} x_j   for every demand point i
               sum_j x_j = K
               x_j in {0, 1},  0 <= y_i <= 1

The Swift picks are evaluated under this coverage too (their objective must equal what Swift reported), and
the ratio of covered residents (the weighted objective, not the count of demand points) is printed.

    python peers.py DIR      (DIR holds instance-<seed>.json and swift-<seed>.json)
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
import pulp


def coverage(instance):
    demand = np.array(instance["demand"], dtype=float)
    cand = np.array(instance["candidates"], dtype=float)
    existing = np.array(instance["existing"], dtype=float)
    r2 = instance["radius_m"] ** 2

    def within(points):
        d2 = (demand[:, None, 0] - points[None, :, 0]) ** 2 + (demand[:, None, 1] - points[None, :, 1]) ** 2
        return d2 <= r2

    weights = demand[:, 2].copy()
    if len(existing):
        weights[within(existing).any(axis=1)] = 0
    return weights, within(cand)  # (n,), (n, m) boolean


def objective(weights, cover, picks):
    if not picks:
        return 0.0
    return float(weights[cover[:, picks].any(axis=1)].sum())


def solve(weights, cover, k):
    n, m = cover.shape
    useful = [i for i in range(n) if weights[i] > 0 and cover[i].any()]
    prob = pulp.LpProblem("mclp", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(m)]
    y = {i: pulp.LpVariable(f"y{i}", lowBound=0, upBound=1) for i in useful}
    prob += pulp.lpSum(weights[i] * y[i] for i in useful)
    for i in useful:
        prob += y[i] <= pulp.lpSum(x[j] for j in np.nonzero(cover[i])[0])
    prob += pulp.lpSum(x) == k
    t0 = time.perf_counter()
    status = prob.solve(pulp.PULP_CBC_CMD(msg=False))
    elapsed = time.perf_counter() - t0
    if pulp.LpStatus[status] != "Optimal":
        raise SystemExit(f"CBC did not prove optimality: {pulp.LpStatus[status]}")
    picks = [j for j in range(m) if x[j].value() > 0.5]
    return objective(weights, cover, picks), picks, elapsed


def main(folder):
    folder = Path(folder)
    print(f"{'instance':>8} {'K':>3} {'optimum':>10} {'swift':>10} {'ratio':>8} {'greedy':>10} {'ratio':>8} "
          f"{'swaps':>5} {'swift ms':>9} {'CBC s':>7}")
    worst, worst_greedy = 1.0, 1.0
    for path in sorted(folder.glob("instance-*.json")):
        instance = json.loads(path.read_text())
        seed = instance["seed"]
        swift = json.loads((folder / f"swift-{seed}.json").read_text())
        weights, cover = coverage(instance)
        if abs(weights.sum() - swift["weight_total"]) > 1e-6:
            raise SystemExit(f"instance {seed}: uncovered weight {weights.sum()} here, {swift['weight_total']} in Swift")
        for run in swift["runs"]:
            k = run["k"]
            best, _, seconds = solve(weights, cover, k)
            mine = objective(weights, cover, run["picks"])
            greedy = objective(weights, cover, run["greedy_picks"])
            if abs(mine - run["covered"]) > 1e-6 or abs(greedy - run["greedy_covered"]) > 1e-6:
                raise SystemExit(f"instance {seed} K={k}: Swift reported {run['covered']}, its picks cover {mine} here")
            if len(set(run["picks"])) != len(run["picks"]) or len(run["picks"]) > k:
                raise SystemExit(f"instance {seed} K={k}: picks are not {k} distinct candidates")
            ratio, ratio_greedy = mine / best, greedy / best
            worst, worst_greedy = min(worst, ratio), min(worst_greedy, ratio_greedy)
            print(f"{seed:>8} {k:>3} {best:>10.0f} {mine:>10.0f} {ratio:>8.4f} {greedy:>10.0f} {ratio_greedy:>8.4f} "
                  f"{run['swaps']:>5} {run['ms'] + run['greedy_ms']:>9.2f} {seconds:>7.2f}")
    print(f"worst ratio {worst:.4f} (greedy alone {worst_greedy:.4f}); target >= 0.98: {'met' if worst >= 0.98 else 'MISSED'}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/instances")
