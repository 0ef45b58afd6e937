#!/usr/bin/env bash
# One-command set-up for a fresh Debian/Ubuntu machine with Swift installed:
#   1. installs, with apt-get when missing (through sudo when not root): the C libraries qtplan wraps (GEOS,
#      PROJ, GDAL, libosmium with libprotozero and libbz2 for OpenStreetMap extracts) and pkg-config; osmium-tool and bzip2 (the
#      tests convert and compress OSM fixtures with them); with pip, the Python peers the OSM tests compare
#      with (pyrosm, osmnx, networkx, pinned); GDAL's programs (ogrinfo, which the tests read every written file back
#      with); rsvg-convert (maps as PNG); chromium and a CJK font (the tests open the HTML report in a
#      headless browser and check that Chinese labels render as glyphs); PostgreSQL 15 with PostGIS 3 and
#      pgRouting (the PostGIS tests start a throwaway cluster of their own, in a temporary folder, on a Unix
#      socket only; GDAL's PostgreSQL driver, which Debian's libgdal has, is how qtplan talks to it);
#   2. builds qtplan in release mode;
#   3. runs the main job on the bundled Qiantang district: validates it, then writes the planning report
#      (out/report.html: summary, land use, coverage with gap maps, indicators; one self-contained file) and
#      its map (out/qiantang-coverage.png).
# Usage: tools/setup.sh [--deps-only]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libgeos-dev libproj-dev libgdal-dev gdal-bin librsvg2-bin chromium fonts-noto-cjk
          libosmium2-dev libprotozero-dev libbz2-dev bzip2 osmium-tool
          postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
echo "setup: GEOS $(pkg-config --modversion geos), PROJ $(pkg-config --modversion proj), GDAL $(pkg-config --modversion gdal)" >&2

# The independent peers of the OpenStreetMap tests (tools/osm-peers, Tests/*/OSMPeerTests, HelsinkiPathsTests):
# pyrosm, osmnx and networkx, pinned; installed with pip when one of them is missing or at another version.
python_peers=(pyrosm==0.25.0 osmnx==2.1.1 networkx==3.6.1)
if ! python3 - "${python_peers[@]}" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(0 if all(version(p.split("==")[0]) == p.split("==")[1] for p in sys.argv[1:]) else 1)
PY
then
    echo "setup: pip installing ${python_peers[*]}" >&2
    python3 -m pip install --quiet "${python_peers[@]}" >&2
fi

[ "${1:-}" = "--deps-only" ] && exit 0

swift build -c release --product qtplan >&2
echo "setup: checking the bundled district (qtplan validate), then writing its report (qtplan report)" >&2
mkdir -p out
.build/release/qtplan validate
.build/release/qtplan report -o out/report.html
.build/release/qtplan map --layers subdistricts,boundary,facilities:community_health_centre \
    --coverage community_health_centre -o out/qiantang-coverage.png
echo "setup: open out/report.html in a browser (no network needed)" >&2
