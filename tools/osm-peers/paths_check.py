"""Shortest walking distances over qtplan's exported walk edges, by networkx, against qtplan's own.

Reads a district's network.geojson (edges with `walk: true`; `walk_oneway: true` edges one way only) and a CSV of
qtplan's distances (source lon,lat, target lon,lat, metres; written by Tests/QTAnalysisTests HelsinkiPathsTests
from qtplan's coverage engine, walking at 1 m/s so that seconds are metres). Nodes are the edges' end points
(7 decimals, as stored); an edge's weight is its planar length in the district's metric CRS, the sum of its
segments after pyproj projects its vertices (what qtplan measures), the shortest of parallel edges kept.
Every distance must equal networkx's Dijkstra within 0.5 m, and the targets networkx reaches must be those
qtplan reaches. Left out (and counted): nodes at the position of another edge's inner vertex (a street crossing
under or over it with a distinct node at the same coordinates): the coverage engine joins a point there to the
nearest edge, which may be either, so its distance is not the node's.

Usage: python3 paths_check.py --district DIR --distances FILE.csv   (exit 0 when all agree)
"""
import argparse
import csv
import json
import math
import os
import sys

import networkx as nx
from pyproj import Transformer


def key(lon, lat):
    return (round(float(lon), 7), round(float(lat), 7))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--district", required=True)
    parser.add_argument("--distances", required=True)
    args = parser.parse_args()
    with open(os.path.join(args.district, "district.json"), encoding="utf-8") as f:
        crs = json.load(f)["metric_crs"]
    to_metric = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    G = nx.DiGraph()
    inner = set()
    with open(os.path.join(args.district, "network.geojson"), encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            p = feature["properties"]
            if not p.get("walk"):
                continue
            cs = feature["geometry"]["coordinates"]
            xs, ys = to_metric.transform([c[0] for c in cs], [c[1] for c in cs])
            length = sum(math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]) for i in range(1, len(cs)))
            a, b = key(*cs[0]), key(*cs[-1])
            inner.update(key(*c) for c in cs[1:-1])
            pairs = [(a, b)] if p.get("walk_oneway") else [(a, b), (b, a)]
            for u, v in pairs:
                if not G.has_edge(u, v) or G[u][v]["w"] > length:
                    G.add_edge(u, v, w=length)
    expected = {}
    with open(args.distances, encoding="utf-8") as f:
        for row in csv.reader(f):
            expected.setdefault(key(row[0], row[1]), {})[key(row[2], row[3])] = float(row[4])
    worst, pairs, bad, worst_pair = 0.0, 0, [], None
    ambiguous = {n for n in G.nodes if n in inner}
    for source, targets in expected.items():
        if source in ambiguous:
            continue
        targets = {t: d for t, d in targets.items() if t not in ambiguous}
        found = nx.single_source_dijkstra_path_length(G, source, weight="w")
        for target, metres in targets.items():
            pairs += 1
            if target not in found:
                bad.append(f"{source} → {target}: qtplan {metres:.3f} m, networkx unreachable")
                continue
            if abs(found[target] - metres) > worst:
                worst, worst_pair = abs(found[target] - metres), (source, target, metres, found[target])
        # Targets networkx reaches that qtplan does not (qtplan wrote every target it reached).
        missing = [t for t in found if t not in targets and t != source and t not in ambiguous]
        if missing:
            bad.append(f"{source}: networkx reaches {len(missing)} nodes qtplan does not, e.g. {missing[0]}")
    ok = worst <= 0.5 and not bad
    print(json.dumps({"sources": len([s for s in expected if s not in ambiguous]), "left_out_nodes": len(ambiguous), "pairs": pairs, "worst_difference_m": round(worst, 6), "worst_pair": str(worst_pair),
                      "problems": bad[:5], "ok": ok}, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
