#!/usr/bin/env python3
"""An independent zonal sum of a population raster over a district's boundary, for qtplan's raster path.

Reads the raster as its ESRI ASCII grid text (not through GDAL), the boundary from the built district folder
(boundary.geojson, WGS84), projects the boundary to the raster's CRS with pyproj and sums, over every cell, the
cell's value times the share of the cell's area inside the boundary (shapely intersection, planar in the raster's
CRS). Prints the sum with 6 decimals.

    python3 raster_zonal.py --asc population-100m.asc --crs EPSG:4549 --district /tmp/d
"""
import argparse
import json
import os

from pyproj import Transformer
import numpy as np
import shapely
from shapely.geometry import box, shape


def read_asc(path):
    header, rows = {}, []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0].lower() in ("ncols", "nrows", "xllcorner", "yllcorner", "cellsize", "nodata_value"):
                header[parts[0].lower()] = float(parts[1])
            else:
                rows.append([float(v) for v in parts])
    return header, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--asc", required=True)
    parser.add_argument("--crs", required=True)
    parser.add_argument("--district", required=True)
    args = parser.parse_args()
    header, rows = read_asc(args.asc)
    with open(os.path.join(args.district, "boundary.geojson")) as f:
        boundary = shape(json.load(f)["features"][0]["geometry"])
    to_raster = Transformer.from_crs("EPSG:4326", args.crs, always_xy=True)
    boundary = shapely.transform(boundary, lambda xy: np.column_stack(to_raster.transform(xy[:, 0], xy[:, 1])))
    size, x0 = header["cellsize"], header["xllcorner"]
    top = header["yllcorner"] + header["nrows"] * size
    nodata = header.get("nodata_value")
    total = 0.0
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value == nodata or value <= 0:
                continue
            cell = box(x0 + c * size, top - (r + 1) * size, x0 + (c + 1) * size, top - r * size)
            inside = cell.intersection(boundary).area
            total += value * inside / cell.area
    print("%.6f" % total)


if __name__ == "__main__":
    main()
