#!/bin/sh
# Land use by class × sub-district: qtplan's library against GeoPandas on the same generated files, in one run.
# Usage: tools/bench/landuse/run.sh [size] (from anywhere; default 316, i.e. 99,856 parcels)
set -eu
cd "$(dirname "$0")/../../.."
size="${1:-316}"
out=tools/bench/landuse/build/district
python3 -c "import geopandas, pyogrio, shapely" 2>/dev/null || pip install geopandas pyogrio shapely
swift build -c release --package-path tools --scratch-path .build-bench-landuse --product bench-landuse >/dev/null
.build-bench-landuse/release/bench-landuse --out "$out" --size "$size"
python3 tools/bench/landuse/geopandas_landuse.py "$out"
