#!/usr/bin/env python3
"""Writes a district folder whose one large layer is a worst case for memory per byte (tools/limits/measure.sh).

usage: make-layer.py FOLDER KIND BYTES
KIND: props   facilities whose properties hold arrays of one-element arrays ([[1],[1],...]: 4 bytes a value)
      bom     the same, behind a UTF-8 byte order mark
      coords  a network of lines of 200,000 short positions each ([120.3,30.3]: 13 bytes a position)
      rings   a boundary of one ring of that many positions (the vertex bound's case)
      points  facilities, one small point feature each
"""
import json, os, sys

folder, kind, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(folder, exist_ok=True)
square = [[120.3, 30.3], [120.31, 30.3], [120.31, 30.31], [120.3, 30.31], [120.3, 30.3]]
def fc(features):
    return {"type": "FeatureCollection", "features": features}
def feature(geometry, **props):
    return {"type": "Feature", "properties": dict(props), "geometry": geometry}
layers = {"boundary": {"file": "boundary.geojson"}}
boundary = fc([feature({"type": "Polygon", "coordinates": [square]}, id="sq", source="modelled", accuracy_m=0)])

def write_stream(path, head, unit, tail, bom=False):
    """head + unit * n + tail, with n chosen to make the file about `size` bytes (units separated by commas)."""
    n = max(1, (size - len(head) - len(tail)) // (len(unit) + 1))
    with open(path, "w", encoding="utf-8") as f:
        if bom: f.write("\ufeff")
        f.write(head)
        chunk = ",".join([unit] * 10000)
        whole, rest = divmod(n, 10000)
        for i in range(whole):
            f.write(("," if i else "") + chunk)
        if rest: f.write(("," if whole else "") + ",".join([unit] * rest))
        f.write(tail)

if kind in ("props", "bom"):
    layers["facilities"] = {"file": "facilities.geojson"}
    head = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"f1","type":"kindergarten",' \
           '"source":"modelled","accuracy_m":1,"x":['
    tail = ']},"geometry":{"type":"Point","coordinates":[120.305,30.305]}}]}'
    write_stream(os.path.join(folder, "facilities.geojson"), head, "[1]", tail, bom=(kind == "bom"))
elif kind == "coords":
    # Lines of 200,000 short positions each (under the vertex limit of one feature), as many as fit.
    layers["network"] = {"file": "network.geojson"}
    per = 200000
    line = '{"type":"Feature","properties":{"id":"e%d","source":"modelled","accuracy_m":1,"walk":true,"drive":false,' \
           '"cycle":false},"geometry":{"type":"LineString","coordinates":[' + ",".join(["[120.3,30.3]"] * per) + ']}}'
    count = max(1, (size - 60) // (len(line) + 8))
    with open(os.path.join(folder, "network.geojson"), "w") as f:
        f.write('{"type":"FeatureCollection","features":[')
        f.write(",".join(line % i for i in range(count)))
        f.write("]}")
elif kind == "rings":
    # A zig-zag ring inside the square: valid, and as many vertices as fit.
    n = max(8, size // 24)
    xs = [120.3 + 0.01 * i / n for i in range(n)]
    ring = [[round(x, 7), 30.3 + (0.0001 if i % 2 else 0.0002)] for i, x in enumerate(xs)]
    ring += [[120.31, 30.31], [120.3, 30.31], ring[0]]
    boundary = fc([feature({"type": "Polygon", "coordinates": [ring]}, id="zz", source="modelled", accuracy_m=0)])
    # Three facilities: inside, 0.55 m beyond the top edge (within validate's 1 m tolerance), 5.5 m beyond it.
    layers["facilities"] = {"file": "facilities.geojson"}
    points = [(120.305, 30.305, "in"), (120.305, 30.310005, "near"), (120.305, 30.31005, "out")]
    with open(os.path.join(folder, "facilities.geojson"), "w") as f:
        json.dump(fc([feature({"type": "Point", "coordinates": [x, y]}, id=i, type="kindergarten", source="modelled",
                              accuracy_m=1) for x, y, i in points]), f)
elif kind == "points":
    layers["facilities"] = {"file": "facilities.geojson"}
    head = '{"type":"FeatureCollection","features":['
    unit = '{"type":"Feature","properties":{"id":"f","type":"kindergarten","source":"modelled","accuracy_m":1},' \
           '"geometry":{"type":"Point","coordinates":[120.305,30.305]}}'
    write_stream(os.path.join(folder, "facilities.geojson"), head, unit, "]}")
else:
    sys.exit(f"make-layer.py: unknown kind {kind}")

# Small layers beside the large one, so that every command has what it needs (population to count, streets to
# walk, land use to sum): a few hundred bytes in all, inside the room measure.sh leaves.
support = {
    "population": [feature({"type": "Polygon", "coordinates": [square]}, id="p1", source="modelled", accuracy_m=1,
                           population=1000, urban=True, future_community=False, aged_60_plus_share=0.2)],
    "network": [feature({"type": "LineString", "coordinates": line}, id="s%d" % i, source="modelled", accuracy_m=1,
                        walk=True, drive=True, oneway=False, speed_kmh=30, road_class="local", length_m=385.0)
                for i, line in enumerate([[[120.301, 30.305], [120.305, 30.305]], [[120.305, 30.305], [120.309, 30.305]],
                                          [[120.305, 30.301], [120.305, 30.305]], [[120.305, 30.305], [120.305, 30.309]]])],
    "landuse": [feature({"type": "Polygon", "coordinates": [square]}, id="l1", source="modelled", accuracy_m=1,
                        **{"class": "residential"}, code="0701")],
    "subdistricts": [feature({"type": "Polygon", "coordinates": [square]}, id="s1", name="最坏街道", block="A",
                             source="modelled", accuracy_m=1)],
}
for name, features in support.items():
    if name not in layers:
        layers[name] = {"file": name + ".geojson"}
        with open(os.path.join(folder, name + ".geojson"), "w") as f:
            json.dump(fc(features), f)

with open(os.path.join(folder, "boundary.geojson"), "w") as f:
    json.dump(boundary, f)
manifest = {"name": "最坏区", "name_en": "Worst case", "official_area_km2": 1.1, "metric_crs": "EPSG:4549",
            "residents": 1000, "layers": layers}
with open(os.path.join(folder, "district.json"), "w") as f:
    json.dump(manifest, f, ensure_ascii=False)
