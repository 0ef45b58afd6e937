#!/bin/sh
# The OpenStreetMap build benchmark (README.md beside this file): in one run, on one generated extract,
#   1. qtplan district build as a whole process (both graphs, facilities, land use, population, writing),
#   2. pyrosm in-process from OSM() through get_network('walking') and get_network('driving') (import excluded),
#   3. osmnx graph_from_xml on the extract's highway ways as XML, walking and driving (import excluded),
# with the ratios; then a 1,000,000-way extract built as GeoPackage (time and peak memory) and validated (memory).
# Usage: tools/bench-osm/run.sh [ways] [large-ways]   (defaults 100000 and 1000000; from anywhere)
set -eu
cd "$(dirname "$0")"
ways="${1:-100000}"
large="${2:-1000000}"
mkdir -p build
(cd ../.. && swift build -c release --product qtplan >&2)
swift build -c release --product generate-osm >&2
qtplan=../../.build/release/qtplan
seconds() { /usr/bin/time -f "%e %M" -o build/time.txt "$@" > /dev/null 2> build/stderr.txt || { cat build/stderr.txt >&2; exit 1; }; cat build/time.txt; }

.build/release/generate-osm --ways "$ways" --out build/city.osm --boundary build/boundary.geojson >&2
osmium cat build/city.osm -o build/city.osm.pbf --overwrite
osmium tags-filter build/city.osm w/highway -o build/highways.osm --overwrite
rm -rf build/district
set -- $(seconds "$qtplan" district build -o build/district --boundary build/boundary.geojson --osm build/city.osm.pbf)
q="$1"; qmem="$2"
p=$(python3 peers.py pyrosm build/city.osm.pbf 2>/dev/null | python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])")
o=$(python3 peers.py osmnx build/highways.osm 2>/dev/null | python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])")
python3 - "$ways" "$q" "$qmem" "$p" "$o" <<'PY'
import sys
ways, q, qmem, p, o = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"{int(ways):,} ways: qtplan district build {q:.2f} s ({qmem / 1024:.0f} MB peak), pyrosm {p:.2f} s, osmnx {o:.2f} s")
print(f"ratios: qtplan/pyrosm {q / p:.2f} (target <= 0.5), qtplan/osmnx {q / o:.3f} (target <= 0.05)")
PY

.build/release/generate-osm --ways "$large" --out build/large.osm --boundary build/large-boundary.geojson >&2
osmium cat build/large.osm -o build/large.osm.pbf --overwrite
rm -f build/large.osm
rm -rf build/large
set -- $(seconds "$qtplan" district build -o build/large --boundary build/large-boundary.geojson --osm build/large.osm.pbf --layer-format gpkg)
echo "$large ways as GeoPackage: $1 s, $(( $2 / 1024 )) MB peak (targets < 60 s, < 4096 MB)"
set -- $(seconds "$qtplan" validate --district build/large --max-layer-bytes 4G)
echo "validate on it: $1 s, $(( $2 / 1024 )) MB peak (target < 4096 MB)"
