#!/usr/bin/env python3
"""The peers of tools/bench/coverage: shapely 2 STRtree and GeoPandas sjoin_nearest for radius mode, networkx
multi-source Dijkstra and pandana for the network pass, run on the exact inputs bench-coverage wrote; the
bundled district through the release `qtplan`; then the ratios, the agreement checks and the targets of
issue 4 (section "Speed").

    peers.py BUILD_DIR QTPLAN [--cases radius,network,bundled,summary] [--repeat N] [--no-pandana]

Reads BUILD_DIR/{radius,network}/*.{f64,i32} and BUILD_DIR/swift-*.json; writes BUILD_DIR/peers.json.
Exits 1 when an agreement check fails.
"""
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np

args = sys.argv[1:]
if len(args) < 2:
    sys.exit(__doc__)
BUILD, QTPLAN = args[0], args[1]
CASES = ["radius", "network", "bundled", "summary"]
REPEAT = 3
PANDANA = True
i = 2
while i < len(args):
    if args[i] == "--cases":
        CASES = args[i + 1].split(","); i += 2
    elif args[i] == "--repeat":
        REPEAT = int(args[i + 1]); i += 2
    elif args[i] == "--no-pandana":
        PANDANA = False; i += 1
    else:
        sys.exit(f"peers.py: unknown argument {args[i]}")

WALK = 4.5 / 3.6  # m/s, as CoverageOptions.walkSpeed
RESULTS_PATH = os.path.join(BUILD, "peers.json")
results = json.load(open(RESULTS_PATH)) if os.path.exists(RESULTS_PATH) else {}
failures = []


def f64(*p):
    return np.fromfile(os.path.join(BUILD, *p), dtype="<f8")


def i32(*p):
    return np.fromfile(os.path.join(BUILD, *p), dtype="<i4")


def say(s):
    print(s, flush=True)


def timed(fn, n=REPEAT):
    times, value = [], None
    for _ in range(n):
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return value, times


def med(xs):
    return statistics.median(xs)


def fmt(xs):
    return " ".join(f"{x:.3f}" for x in xs)


def swift(name):
    path = os.path.join(BUILD, f"swift-{name}.json")
    return json.load(open(path)) if os.path.exists(path) else None


# ---------------------------------------------------------------- radius
def radius():
    import geopandas as gpd
    import shapely

    say(f"shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), geopandas {gpd.__version__}, numpy {np.__version__}")
    rx, ry, pop = f64("radius", "res_x.f64"), f64("radius", "res_y.f64"), f64("radius", "res_pop.f64")
    fx, fy = f64("radius", "fac_x.f64"), f64("radius", "fac_y.f64")
    n = len(rx)

    def shapely_all():
        pts, fac = shapely.points(rx, ry), shapely.points(fx, fy)
        tree = shapely.STRtree(fac)
        left, _ = tree.query(pts, predicate="dwithin", distance=1000)
        covered = np.zeros(n, bool)
        covered[left] = True
        return covered

    covered, t_all = timed(shapely_all)
    pts, fac = shapely.points(rx, ry), shapely.points(fx, fy)
    tree = shapely.STRtree(fac)

    def shapely_query():
        left, _ = tree.query(pts, predicate="dwithin", distance=1000)
        covered = np.zeros(n, bool)
        covered[left] = True
        return covered

    _, t_query = timed(shapely_query)
    cells, people = int(covered.sum()), float(pop[covered].sum())
    say(f"radius shapely STRtree dwithin (points + tree + query + mark): median {med(t_all):.3f} s [{fmt(t_all)}]; "
        f"query + mark alone {med(t_query):.3f} s; covered {cells} cells, {people:.0f} residents")

    def geopandas_run():
        res = gpd.GeoDataFrame({"pop": pop}, geometry=gpd.points_from_xy(rx, ry), crs=4549)
        fac = gpd.GeoDataFrame(geometry=gpd.points_from_xy(fx, fy), crs=4549)
        j = gpd.sjoin_nearest(res, fac, how="inner", max_distance=1000)
        c = np.zeros(n, bool)
        c[j.index.unique().to_numpy()] = True
        return c

    gcov, t_gpd = timed(geopandas_run)
    say(f"radius geopandas sjoin_nearest(max_distance=1000) (frames + join + mark): median {med(t_gpd):.3f} s [{fmt(t_gpd)}]; "
        f"covered {int(gcov.sum())} cells, {float(pop[gcov].sum()):.0f} residents")
    results["radius"] = {"shapely_seconds": t_all, "shapely_query_seconds": t_query, "geopandas_seconds": t_gpd,
                         "covered_cells": cells, "covered_population": people,
                         "geopandas_covered_cells": int(gcov.sum())}
    s = swift("radius")
    if s:
        ok = s["covered_cells"] == cells == int(gcov.sum()) and abs(s["covered_population"] - people) < 0.5
        say(f"radius check: covered cells ours {s['covered_cells']}, shapely {cells}, geopandas {int(gcov.sum())}; "
            f"residents ours {s['covered_population']:.0f}, shapely {people:.0f}: {'AGREE' if ok else 'DISAGREE'}")
        if not ok:
            failures.append("radius covered counts differ")


# ---------------------------------------------------------------- network
def network():
    import networkx as nx

    say(f"networkx {nx.__version__}")
    nx_, ny_ = f64("network", "node_x.f64"), f64("network", "node_y.f64")
    ef, et = i32("network", "edge_from.i32"), i32("network", "edge_to.i32")
    length, secs = f64("network", "edge_length.f64"), f64("network", "edge_seconds.f64")
    sx, sy = f64("network", "src_x.f64"), f64("network", "src_y.f64")
    se, so, sa = i32("network", "src_edge.i32"), f64("network", "src_offset.f64"), f64("network", "src_access.f64")
    res_node = i32("network", "res_node.i32")
    N, K = len(nx_), len(sx)

    def build():
        G = nx.Graph()
        G.add_nodes_from(range(N))
        G.add_weighted_edges_from(zip(ef.tolist(), et.tolist(), secs.tolist()))
        return G

    G, t_build = timed(build, 1)
    # Each source becomes a node joined to the two ends of its edge by the partial edge plus its walked access
    # leg: the same seeds the Swift pass starts from (its join to the nearest point of the nearest edge was
    # written by bench-coverage; joining is not timed on this side).
    access = sa / WALK
    w_from = access + so / length[se] * secs[se]
    w_to = access + (length[se] - so) / length[se] * secs[se]
    for k in range(K):
        G.add_edge(N + k, int(ef[se[k]]), weight=float(w_from[k]))
        G.add_edge(N + k, int(et[se[k]]), weight=float(w_to[k]))
    sources = list(range(N, N + K))
    say(f"network networkx: graph of {N} nodes, {len(ef)} edges built in {t_build[0]:.3f} s; {K} sources as split-edge nodes")
    out = {"build_seconds": t_build[0]}
    s = swift("network")
    rng = np.random.default_rng(20261209)
    for name, cutoff in (("15min", 900.0), ("nolimit", None)):
        dist, t = timed(lambda: nx.multi_source_dijkstra_path_length(G, sources, cutoff=cutoff, weight="weight"))
        reached = sum(1 for v, d in dist.items() if v < N)
        say(f"network networkx {name}: multi_source_dijkstra_path_length(cutoff={cutoff}): median {med(t):.3f} s [{fmt(t)}]; {reached} nodes reached")
        out[name] = {"seconds": t, "reached_nodes": reached}
        if s:
            ours = f64("network", f"swift_reach_{name}.f64")
            theirs = np.array([dist.get(int(v), np.inf) for v in res_node])
            lim = cutoff if cutoff is not None else np.inf
            ours = np.where(ours <= lim, ours, np.inf)
            theirs = np.where(theirs <= lim, theirs, np.inf)
            sample = rng.choice(len(res_node), size=min(2000, len(res_node)), replace=False)
            for label, idx in (("sample of 2000", sample), ("all", np.arange(len(res_node)))):
                a, b = ours[idx], theirs[idx]
                same_inf = np.array_equal(np.isinf(a), np.isinf(b))
                fin = np.isfinite(a) & np.isfinite(b)
                worst = float(np.max(np.abs(a[fin] - b[fin]))) if fin.any() else 0.0
                ok = same_inf and worst <= 1e-6
                say(f"network check {name} ({label} resident nodes): unreached sets {'equal' if same_inf else 'DIFFER'}, "
                    f"worst |ours − networkx| {worst:.2e} s over {int(fin.sum())} nodes: {'AGREE' if ok else 'DISAGREE'}")
                if not ok:
                    failures.append(f"network {name} times differ from networkx ({label})")
            out[name]["worst_difference"] = worst
    if PANDANA:
        try:
            import pandana
            import pandas as pd
        except Exception as e:  # pandana is optional
            say(f"network pandana: not available ({e})")
            out["pandana"] = {"error": str(e)}
        else:
            say(f"pandana {pandana.__version__ if hasattr(pandana, '__version__') else '?'}: building the contraction hierarchy …")
            nodes = pd.Index(np.arange(N))
            t0 = time.perf_counter()
            net = pandana.Network(pd.Series(nx_, index=nodes), pd.Series(ny_, index=nodes), pd.Series(ef), pd.Series(et),
                                  pd.DataFrame({"secs": secs}), twoway=True)
            t_pbuild = time.perf_counter() - t0

            def query():
                net.set_pois("fac", 900, 1, pd.Series(sx), pd.Series(sy))
                return net.nearest_pois(900, "fac", num_pois=1)

            d, t_q = timed(query)
            say(f"network pandana: Network(...) build {t_pbuild:.3f} s; set_pois + nearest_pois(900 s, 1 POI) median {med(t_q):.3f} s [{fmt(t_q)}]")
            # pandana snaps each source to its nearest node (no partial edges, no access leg): check it against
            # networkx from those same nodes.
            snapped = net.get_node_ids(pd.Series(sx), pd.Series(sy)).to_numpy()
            ref = nx.multi_source_dijkstra_path_length(G, list(set(int(v) for v in snapped)), cutoff=900, weight="weight")
            pv = d[1].to_numpy() if 1 in d.columns else d.iloc[:, 0].to_numpy()
            pidx = d.index.to_numpy()
            sample = rng.choice(len(pidx), size=min(2000, len(pidx)), replace=False)
            diffs = [abs(pv[k] - ref[int(pidx[k])]) for k in sample if pv[k] < 900 and int(pidx[k]) in ref and ref[int(pidx[k])] < 899]
            worst = max(diffs) if diffs else float("nan")
            say(f"network pandana check (sources snapped to nodes, vs networkx from those nodes, {len(diffs)} sampled nodes): worst difference {worst:.2e} s")
            out["pandana"] = {"build_seconds": t_pbuild, "query_seconds": t_q, "worst_difference_vs_networkx_snapped": worst}
    results["network"] = out


# ---------------------------------------------------------------- bundled
def bundled():
    runs = max(REPEAT, 5)
    cmds = {
        "shares": [QTPLAN, "coverage", "--all", "--format", "json"],
        "areas_gaps": [QTPLAN, "coverage", "--all", "--areas", "/tmp/a.geojson", "--dissolve", "--gaps", "/tmp/g.geojson"],
    }
    out = {}
    for name, cmd in cmds.items():
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            times.append(time.perf_counter() - t)
            if p.returncode != 0:
                failures.append(f"bundled {name}: exit {p.returncode}: {p.stderr.decode()[:300]}")
                break
        detail = ""
        if name == "shares" and p.returncode == 0:
            rows = json.loads(p.stdout)
            rows = rows if isinstance(rows, list) else rows.get("results", rows)
            detail = f"; {len(rows)} services: " + ", ".join(f"{r['type']}/{r['mode']}/{r['minutes']} {r['share']:.3f}" for r in rows)
        if name == "areas_gaps" and p.returncode == 0:
            a, g = json.load(open("/tmp/a.geojson")), json.load(open("/tmp/g.geojson"))
            detail = f"; {len(a['features'])} area features, {len(g['features'])} gap features"
        say(f"bundled {' '.join(cmd[1:])}: median wall {med(times):.3f} s of {len(times)} [{fmt(times)}]{detail}")
        out[name] = times
    results["bundled"] = out


# ---------------------------------------------------------------- summary
def rss_mb():
    path = os.path.join(BUILD, "scale-time.txt")
    if not os.path.exists(path):
        return None
    for line in open(path):
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    return None


def summary():
    rows = []

    def target(name, value, limit, unit=""):
        met = value is not None and value <= limit
        rows.append((name, value, limit, unit, met))

    say("")
    say("=== ratios (ours / peer; medians) ===")
    s, p = swift("radius"), results.get("radius")
    if s and p:
        sh, shq, gp = med(p["shapely_seconds"]), med(p["shapely_query_seconds"]), med(p["geopandas_seconds"])
        say(f"radius 850k×25k @1000 m: ours {s['seconds_median']:.3f} s / shapely STRtree {sh:.3f} s = {s['seconds_median'] / sh:.3f} "
            f"(query alone {shq:.3f} s: {s['seconds_median'] / shq:.3f}); / GeoPandas sjoin_nearest {gp:.3f} s = {s['seconds_median'] / gp:.3f}")
        target("radius ours/shapely", s["seconds_median"] / sh, 0.3, "×")
    s, p = swift("network"), results.get("network")
    if s and p:
        for name in ("15min", "nolimit"):
            o, n = s[name]["seconds_median"], med(p[name]["seconds"])
            dj = s[name]["dijkstra_seconds_estimate"]
            say(f"network {name}: ours pass {o:.3f} s / networkx {n:.3f} s = {o / n:.3f}; Dijkstra-only estimate {dj:.3f} s: {dj / n:.3f}")
            if name == "15min":
                target("network pass ours/networkx (15 min)", o / n, 0.1, "×")
        pd_ = p.get("pandana", {})
        if "build_seconds" in pd_:
            o = s["15min"]["seconds_median"]
            say(f"network pandana: build {pd_['build_seconds']:.1f} s (ours StreetGraph + PreparedNetwork {s['graph_seconds'] + s['prepare_seconds']:.3f} s), "
                f"query {med(pd_['query_seconds']):.3f} s (ours pass / pandana query = {o / med(pd_['query_seconds']):.3f})")
        elif pd_:
            say(f"network pandana: {pd_.get('error')}")
    s = swift("scale")
    if s:
        prep = s["graph_seconds"] + s["prepare_seconds"]
        for variant, v in s["shares"].items():
            say(f"scale {variant}: shares of {s['services']} services {v['seconds_median']:.3f} s (mean share {v['mean_share']:.3f}) "
                f"+ StreetGraph {s['graph_seconds']:.3f} s + PreparedNetwork {s['prepare_seconds']:.3f} s = {v['seconds_median'] + prep:.3f} s")
            target(f"scale shares, all services, {variant} (measure)", v["seconds_median"], 10, " s")
            target(f"scale shares, all services, {variant}, incl. graph + joining residents", v["seconds_median"] + prep, 10, " s")
        for a in s["areas"]:
            total = a["seconds"] + a["share_seconds"]
            say(f"scale: dissolved areas of {a['type']} {a['seconds']:.3f} s, with its pass and the gap count {total:.3f} s; "
                f"{a['gap_cells']} gap cells")
            target(f"scale areas+gaps {a['type']}", total, 60, " s")
        rss = rss_mb()
        say(f"scale: max RSS {rss if rss is None else round(rss)} MB (/usr/bin/time -v), VmHWM {s['peak_rss_mb']:.0f} MB")
        target("scale peak memory", rss if rss is not None else s["peak_rss_mb"], 4096, " MB")
    b = results.get("bundled")
    if b:
        if b.get("shares"):
            target("bundled shares (qtplan coverage --all --format json)", med(b["shares"]), 1, " s")
        if b.get("areas_gaps"):
            target("bundled dissolved areas + gaps", med(b["areas_gaps"]), 3, " s")
    say("")
    say("=== targets (issue 4, Speed) ===")
    for name, value, limit, unit, met in rows:
        v = "n/a" if value is None else f"{value:.3f}{unit}"
        say(f"{'MET    ' if met else 'NOT MET'} {name}: {v} (target ≤ {limit}{unit})")
    results["targets"] = [{"name": r[0], "value": r[1], "limit": r[2], "met": r[4]} for r in rows]


for c in CASES:
    {"radius": radius, "network": network, "bundled": bundled, "summary": summary}[c]()
    json.dump(results, open(RESULTS_PATH, "w"), indent=1)
if failures:
    say("FAILED: " + "; ".join(failures))
    sys.exit(1)
