"""Compares qtplan's walk or drive graph (a district's network layer) with osmnx's, built independently from the
same OpenStreetMap ways.

The ways are those qtplan kept for the mode (the `source` of its edges); `osmium getid -r` writes them, with the
nodes they refer to, as XML, and osmnx `graph_from_xml(simplify=..., retain_all=True)` builds its graph from that.
So the check is of the graph-making (splitting, node identity, lengths), with the same choice of ways; how the
two choose ways differs by policy and is reported, not compared, by `selection` in the output.

Compared, as undirected graphs (one-way rules do not change the topology):
  - unsimplified: osmnx's graph has a node per OSM node and an edge per pair of consecutive nodes; qtplan's edges,
    cut into their segments, must give the same nodes and segments exactly, and the same total length;
  - simplified: osmnx contracts nodes that are not end points (its simplify_graph rules); qtplan's edges, put in an
    osmnx graph and simplified by the same function, must give node and edge counts within 2% and the total length
    within 1% of osmnx's.
Lengths: osmnx's are great-circle distances on a sphere of radius 6,371,009 m; qtplan's `length_m` are geodesic
on the WGS84 ellipsoid. At 60°N they differ by about 0.1%, below the 1% tolerance; the report states it.

Also checked: qtplan's edges end exactly at the nodes of the mode's ways that two network ways (of either mode)
share, or that one way uses twice, and at way ends: computed here from the ways' node lists in the XML.

Reported, not compared: pyrosm 0.25's own walking/driving network of the whole file (its policy, not qtplan's):
the ways only one of the two selects, with the reason (ways referring to nodes the extract lacks, found by
`osmium check-refs`: pyrosm keeps what is left of them, qtplan skips them and warns; cycleways with foot access:
qtplan walks shared paths, pyrosm and osmnx drop every cycleway), and pyrosm's contracted graph's counts.

Usage: python3 graph_check.py --district DIR --osm FILE --mode walk|drive [--pyrosm]   (exit 0 when within tolerance)
"""
import collections
import xml.etree.ElementTree as ET
import argparse
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx
import osmnx as ox


def load_edges(district, mode=None):
    with open(os.path.join(district, "network.geojson"), encoding="utf-8") as f:
        features = json.load(f)["features"]
    return [f for f in features if mode is None or f["properties"].get(mode)]


def way_ids(edges):
    return sorted({int(f["properties"]["source"].split("/")[1]) for f in edges})


def extract(osm, ways, path):
    """The ways (and the nodes they refer to) as OSM XML, by osmium."""
    ids = path + ".ids"
    with open(ids, "w") as f:
        f.write("".join(f"w{w}\n" for w in ways))
    subprocess.run(["osmium", "getid", "-r", "--id-file", ids, osm, "-o", path, "-f", "osm", "--no-progress"],
                   check=True, capture_output=True)


def node_lists(path):
    out = []
    for way in ET.parse(path).getroot().iter("way"):
        refs = [int(nd.get("ref")) for nd in way.iter("nd")]
        out.append([r for i, r in enumerate(refs) if i == 0 or r != refs[i - 1]])
    return out


def undirected_stats(G):
    U = ox.convert.to_undirected(G)
    return U.number_of_nodes(), U.number_of_edges(), sum(d["length"] for _, _, d in U.edges(data=True))


def qtplan_graph(edges, simplify):
    """qtplan's edges as an osmnx MultiDiGraph (both directions), vertices as nodes keyed by OSM id where known."""
    G = nx.MultiDiGraph(crs="epsg:4326")
    nodes = {}

    def node(lon, lat, osm_id=None):
        key = osm_id if osm_id is not None else ("v", round(lon, 7), round(lat, 7))
        if key not in nodes:
            nodes[key] = key
            G.add_node(key, x=lon, y=lat)
        return key

    for f in edges:
        p = f["properties"]
        cs = f["geometry"]["coordinates"]
        ids = [int(p["from_node"])] + [None] * (len(cs) - 2) + [int(p["to_node"])]
        chain = [node(c[0], c[1], i) for c, i in zip(cs, ids)]
        for a, b, ca, cb in zip(chain, chain[1:], cs, cs[1:]):
            length = ox.distance.great_circle(ca[1], ca[0], cb[1], cb[0])
            G.add_edge(a, b, length=length, osmid=p["source"])
            G.add_edge(b, a, length=length, osmid=p["source"])
    if simplify:
        G = ox.simplify_graph(G)
    return G


def pyrosm_report(osm, mode, edges, ways):
    """pyrosm's own network of the whole file beside qtplan's: which ways differ and why, and its graph's size."""
    from pyrosm import OSM
    data = OSM(osm)
    nodes, peer_edges = data.get_network(network_type={"walk": "walking", "drive": "driving"}[mode], nodes=True)
    G = data.to_graph(nodes, peer_edges, graph_type="networkx", retain_all=True, osmnx_compatible=True)
    U = ox.convert.to_undirected(G)
    refs = subprocess.run(["osmium", "check-refs", "--show-ids", osm], capture_output=True, text=True).stdout
    incomplete = {int(line.split(" in w")[1]) for line in refs.splitlines() if " in w" in line}
    theirs = {int(i) for i in peer_edges["id"]}
    ours = set(ways)
    only_theirs = theirs - ours
    only_ours = ours - theirs
    highway = {int(f["properties"]["source"].split("/")[1]): f["properties"]["highway"] for f in edges}
    return {
        "pyrosm_ways": len(theirs), "qtplan_ways": len(ours),
        "only_pyrosm": len(only_theirs),
        "only_pyrosm_refer_to_missing_nodes": len(only_theirs & incomplete),
        "only_qtplan": len(only_ours),
        "only_qtplan_by_highway": dict(collections.Counter(highway[w] for w in only_ours).most_common()),
        "pyrosm_contracted_nodes": U.number_of_nodes(), "pyrosm_contracted_edges": U.number_of_edges(),
        "pyrosm_length_km": round(sum(d["length"] for _, _, d in U.edges(data=True)) / 1000, 4),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--district", required=True)
    parser.add_argument("--osm", required=True)
    parser.add_argument("--mode", choices=["walk", "drive"], required=True)
    parser.add_argument("--pyrosm", action="store_true", help="also report pyrosm's own network of the file")
    args = parser.parse_args()
    edges = load_edges(args.district, args.mode)
    ways = way_ids(edges)
    with tempfile.TemporaryDirectory() as tmp:
        xml = os.path.join(tmp, "mode.osm")
        extract(args.osm, ways, xml)
        peer = {s: ox.graph_from_xml(xml, bidirectional=True, simplify=s, retain_all=True) for s in (False, True)}
        mode_nodes = {r for refs in node_lists(xml) for r in refs}
        # Junctions: nodes used twice or more by the network's ways (either mode), and way ends.
        every = os.path.join(tmp, "all.osm")
        extract(args.osm, way_ids(load_edges(args.district)), every)
        uses, ends = collections.Counter(), set()
        for refs in node_lists(every):
            uses.update(refs)
            ends.update((refs[0], refs[-1]))
        junctions = (ends | {n for n, k in uses.items() if k >= 2}) & mode_nodes
    ours_raw = qtplan_graph(edges, simplify=False)
    ours_simple = qtplan_graph(edges, simplify=True)
    geodesic_km = sum(f["properties"]["length_m"] for f in edges) / 1000
    result = {"mode": args.mode, "ways": len(ways), "qtplan_edges": len(edges), "qtplan_length_km_geodesic": round(geodesic_km, 4)}
    ok = True
    for name, ours, theirs in (("unsimplified", ours_raw, peer[False]), ("simplified", ours_simple, peer[True])):
        n1, e1, l1 = undirected_stats(ours)
        n2, e2, l2 = undirected_stats(theirs)
        d = {"qtplan_nodes": n1, "osmnx_nodes": n2, "qtplan_edges": e1, "osmnx_edges": e2,
             "qtplan_length_km": round(l1 / 1000, 4), "osmnx_length_km": round(l2 / 1000, 4),
             "node_diff": round(abs(n1 - n2) / n2, 5), "edge_diff": round(abs(e1 - e2) / e2, 5),
             "length_diff": round(abs(l1 - l2) / l2, 6)}
        result[name] = d
        if name == "unsimplified":
            ok &= n1 == n2 and e1 == e2 and d["length_diff"] < 1e-6
        else:
            ok &= d["node_diff"] <= 0.02 and d["edge_diff"] <= 0.02 and d["length_diff"] <= 0.01
    endpoints = {int(f["properties"][k]) for f in edges for k in ("from_node", "to_node")}
    result["edge_ends_are_junctions"] = endpoints == junctions
    ok &= endpoints == junctions
    great_circle_km = result["unsimplified"]["osmnx_length_km"]
    result["geodesic_vs_great_circle"] = round((geodesic_km - great_circle_km) / great_circle_km, 6)
    ok &= abs(result["geodesic_vs_great_circle"]) <= 0.01
    if args.pyrosm:
        result["pyrosm"] = pyrosm_report(args.osm, args.mode, edges, ways)
    result["ok"] = bool(ok)
    print(json.dumps(result, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
