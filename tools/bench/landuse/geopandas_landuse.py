#!/usr/bin/env python3
"""GeoPandas half of the land-use benchmark (tools/bench/landuse/README.md).

Reads the generated district written by bench-landuse, runs overlay(parcels, subdistricts, how='intersection'),
areas in EPSG:4549 (to_crs) and groupby([class, subdistrict]).sum(), and sets its times beside Swift's
(swift-result.json, written by the Swift run) in one report: both totals must agree within 0.01%.
"""
import json
import sys
import time

import geopandas as gpd
import pyogrio  # noqa: F401  (the fast reader)
import shapely

directory = sys.argv[1] if len(sys.argv) > 1 else "tools/bench/landuse/build/district"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def compute(parcels, subdistricts):
    pieces = gpd.overlay(parcels, subdistricts, how="intersection", keep_geom_type=True)
    pieces["area_m2"] = pieces.to_crs(epsg=4549).area
    return pieces.groupby(["class", "subdistrict"])["area_m2"].sum()


best_compute = best_total = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    parcels = gpd.read_file(f"{directory}/landuse.geojson", engine="pyogrio")[["class", "geometry"]]
    subdistricts = gpd.read_file(f"{directory}/subdistricts.geojson", engine="pyogrio")[["id", "geometry"]]
    subdistricts = subdistricts.rename(columns={"id": "subdistrict"})
    t1 = time.perf_counter()
    table = compute(parcels, subdistricts)
    t2 = time.perf_counter()
    best_compute = min(best_compute, t2 - t1)
    best_total = min(best_total, t2 - t0)

total = float(table.sum())
print(f"geopandas {gpd.__version__}, shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), "
      f"pandas {__import__('pandas').__version__}")
print(f"geopandas overlay+groupby: {best_compute:.3f} s, read+overlay+groupby: {best_total:.3f} s "
      f"(best of {repeats}); {len(parcels)} parcels, {len(table)} rows, total {total / 1e6:.6f} km²")

with open(f"{directory}/swift-result.json") as f:
    swift = json.load(f)
difference = abs(swift["total_m2"] - total) / total
worst = 0.0
for key, area in table.items():
    cell = f"{key[1]}|{key[0]}"
    ours = swift["rows"].get(cell, 0.0)
    worst = max(worst, abs(ours - area) / max(area, 1.0))
print(f"totals: swift {swift['total_m2'] / 1e6:.6f} km², geopandas {total / 1e6:.6f} km², "
      f"differ by {difference * 100:.6f}% (limit 0.01%); worst row differs by {worst * 100:.6f}%")
print(f"ratio swift/geopandas: compute {swift['compute_s']:.3f} / {best_compute:.3f} = {swift['compute_s'] / best_compute:.3f}; "
      f"with reading {swift['load_compute_s']:.3f} / {best_total:.3f} = {swift['load_compute_s'] / best_total:.3f}")
if difference > 1e-4:
    print("FAIL: totals differ by more than 0.01%")
    sys.exit(1)
