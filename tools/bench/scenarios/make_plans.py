#!/usr/bin/env python3
"""Writes the benchmark's plans for the bundled district into OUT: two kindergartens (touches one service), a new
street joined at two existing street ends (touches every walk and drive service), a residential estate (touches
every service: the residents change). Positions are taken from the bundled layers, so the plans stay valid when the
model is regenerated."""
import json, sys

out = sys.argv[1]
root = sys.argv[2] if len(sys.argv) > 2 else "geodata/qiantang"
network = json.load(open(f"{root}/network.geojson"))["features"]
edges = [f for f in network if f["properties"].get("walk") and f["properties"].get("drive")]
# Two street ends about 400 m apart in the western block, joined by a new local street.
a = edges[100]["geometry"]["coordinates"][0]
b = min((f["geometry"]["coordinates"][-1] for f in edges[101:400]),
        key=lambda c: abs(((c[0] - a[0]) * 96000) ** 2 + ((c[1] - a[1]) * 111000) ** 2 - 400 ** 2))

def plan(name, features):
    json.dump({"type": "FeatureCollection", "name": name, "features": features}, open(f"{out}/{name}.geojson", "w"), ensure_ascii=False)

def feature(properties, geometry):
    return {"type": "Feature", "properties": properties, "geometry": geometry}

plan("kindergartens", [
    feature({"layer": "facilities", "id": "bench-kg-1", "type": "kindergarten", "cost": 12000000}, {"type": "Point", "coordinates": [120.3431719, 30.3340995]}),
    feature({"layer": "facilities", "id": "bench-kg-2", "type": "kindergarten", "cost": 12000000}, {"type": "Point", "coordinates": [120.3327912, 30.3395386]}),
])
plan("street", [feature({"layer": "network", "id": "bench-street", "road_class": "local"}, {"type": "LineString", "coordinates": [a, b]})])
x, y = 120.345, 30.320
plan("estate", [feature({"layer": "population", "id": "bench-estate", "households": 1200, "persons_per_household": 2.6},
                        {"type": "Polygon", "coordinates": [[[x, y], [x + 0.004, y], [x + 0.004, y + 0.003], [x, y + 0.003], [x, y]]]})])
