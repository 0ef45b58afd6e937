"""One service's walking coverage share computed independently of qtplan (shapely, pyproj, networkx), against
`qtplan coverage --format json` on the same district.

The rules are qtplan's documented ones (README, Coverage): residents at each population polygon's point on
surface; residents and facilities join the walk network at the nearest point of the nearest walk edge (planar,
in the district's metric CRS), not beyond 1,000 m; the access legs are walked; travel runs along partial edges;
a resident is covered when access + network + access ≤ the circle's minutes at the walking speed. Here each join
point splits its edge in a networkx graph and one Dijkstra from all facilities (a super-source joined to each
at its access distance, on the reversed graph: residents travel to facilities) gives every resident its time.

Usage: python3 coverage_check.py --district DIR --type bus_stop --minutes 5 --speed 4.5 --qtplan QTPLAN
       python3 coverage_check.py --district DIR --type bus_stop --metres 300 --qtplan QTPLAN (a walked distance)
(exit 0 when the shares agree within 0.5 percentage points)
"""
import argparse
import json
import os
import subprocess
import sys

import networkx as nx
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, Point, shape
from shapely.strtree import STRtree


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--district", required=True)
    parser.add_argument("--type", required=True)
    parser.add_argument("--minutes", type=float)
    # Instead of --minutes: a walked distance (qtplan's gb50180 measure, issue 15), metres along the streets.
    parser.add_argument("--metres", type=float)
    parser.add_argument("--speed", type=float, default=4.5)
    parser.add_argument("--qtplan", required=True)
    args = parser.parse_args()
    if (args.minutes is None) == (args.metres is None):
        parser.error("give --minutes or --metres")

    def layer(name):
        with open(os.path.join(args.district, f"{name}.geojson"), encoding="utf-8") as f:
            return json.load(f)["features"]

    with open(os.path.join(args.district, "district.json"), encoding="utf-8") as f:
        crs = json.load(f)["metric_crs"]
    to_metric = Transformer.from_crs("EPSG:4326", crs, always_xy=True)

    def metric(coords):
        xs, ys = to_metric.transform([c[0] for c in coords], [c[1] for c in coords])
        return list(zip(xs, ys))

    edges = []  # (LineString, one_way)
    for f in layer("network"):
        p = f["properties"]
        if p.get("walk"):
            edges.append((LineString(metric(f["geometry"]["coordinates"])), bool(p.get("walk_oneway"))))
    tree = STRtree([e[0] for e in edges])

    def join(point):
        i = int(tree.nearest(point))
        line = edges[i][0]
        d = line.distance(point)
        return (i, line.project(point), d) if d <= 1000 else None

    residents = []
    for f in layer("population"):
        if f["properties"].get("outside"):
            continue
        geom = shape(f["geometry"])
        pt = geom.point_on_surface()
        residents.append((Point(metric([(pt.x, pt.y)])[0]), float(f["properties"]["population"])))
    key = "kind" if args.type in ("bus_stop", "metro_station") else "type"
    facilities = []
    for name in ("transit", "facilities"):
        if not os.path.exists(os.path.join(args.district, f"{name}.geojson")):
            continue
        for f in layer(name):
            if f["properties"].get(key) == args.type and f["properties"].get("status", "operating") == "operating":
                c = f["geometry"]["coordinates"]
                facilities.append(Point(metric([(c[0], c[1])])[0]))

    # Split every edge at its join points.
    attached = {}
    resident_joins = [join(p) for p, _ in residents]
    facility_joins = [join(p) for p in facilities]
    for j in resident_joins + facility_joins:
        if j:
            attached.setdefault(j[0], set()).add(j[1])
    G = nx.DiGraph()

    def node_at(i, offset):
        line = edges[i][0]
        if offset <= 0:
            return ("v",) + tuple(round(v, 6) for v in line.coords[0])
        if offset >= line.length:
            return ("v",) + tuple(round(v, 6) for v in line.coords[-1])
        return ("e", i, offset)

    for i, (line, one_way) in enumerate(edges):
        offsets = sorted({0.0, line.length} | {min(max(o, 0.0), line.length) for o in attached.get(i, ())})
        for a, b in zip(offsets, offsets[1:]):
            u, v, w = node_at(i, a), node_at(i, b), b - a
            for s, t in ([(u, v)] if one_way else [(u, v), (v, u)]):
                if not G.has_edge(s, t) or G[s][t]["w"] > w:
                    G.add_edge(s, t, w=w)
    R = G.reverse(copy=True)  # residents travel to facilities
    for k, j in enumerate(facility_joins):
        if j:
            R.add_edge("S", node_at(j[0], j[1]), w=j[2])
    dist = nx.single_source_dijkstra_path_length(R, "S", weight="w") if R.has_node("S") else {}
    reach = args.metres if args.metres is not None else args.speed / 3.6 * args.minutes * 60
    total = sum(n for _, n in residents)
    covered = 0.0
    for (point, people), j in zip(residents, resident_joins):
        if j and node_at(j[0], j[1]) in dist and dist[node_at(j[0], j[1])] + j[2] <= reach + 1e-6:
            covered += people
    share = covered / total if total else 0
    circle = (["--distance", f"{args.metres:g}", "--measure", "distance"] if args.metres is not None
              else ["--minutes", f"{args.minutes:g}", "--measure", "time"])
    out = subprocess.run([args.qtplan, "coverage", "--district", args.district, "--type", args.type, "--mode", "walk"]
                         + circle + ["--walk-speed", f"{args.speed:g}", "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    theirs = json.loads(out)[0]["share"]
    ok = abs(share - theirs) <= 0.005
    print(json.dumps({"type": args.type, "residents": total, "facilities": len(facilities), "networkx_share": round(share, 6),
                      "qtplan_share": theirs, "difference_pp": round(abs(share - theirs) * 100, 4), "ok": ok}, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
