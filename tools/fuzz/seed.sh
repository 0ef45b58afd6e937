#!/bin/sh
# Copies a seed corpus for one fuzz target out of Tests/Fixtures (never duplicated in git): seed.sh TARGET DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=$1
out=$2
mkdir -p "$out"
case $target in
geojson)
    # Every fixture layer under 64 kB.
    find "$root/Tests/Fixtures" -name '*.geojson' -size -64k | while read -r f; do
        cp "$f" "$out/$(echo "$f" | sed "s|$root/||; s|/|_|g")"
    done ;;
wkt)
    # WKT literals from the geometry tests, one per file.
    grep -ohE '"(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION|LINEARRING)[^"]*"' \
        "$root"/Tests/QTGeometryTests/*.swift | sed 's/^"//; s/"$//' | sort -u | awk -v out="$out" '{ f = out "/wkt-" NR; print > f; close(f) }' ;;
district)
    # Fixture layers alone (under the fuzz target's fixed manifest), and manifest + NUL + layer pairs.
    find "$root/Tests/Fixtures" -name '*.geojson' -size -64k | while read -r f; do
        cp "$f" "$out/$(echo "$f" | sed "s|$root/||; s|/|_|g")"
    done
    for d in "$root"/Tests/Fixtures/districts/* "$root"/Tests/Fixtures/bad/*; do
        [ -f "$d/district.json" ] || continue
        layer=$(find "$d" -name '*.geojson' -size -64k | head -n 1)
        [ -n "$layer" ] || continue
        { cat "$d/district.json"; printf '\000'; cat "$layer"; } > "$out/pair-$(basename "$d")"
    done ;;
gdal)
    # Each small fixture layer as FlatGeobuf, GeoPackage, CSV and Shapefile (GDAL's ogr2ogr), packed as the
    # target reads them: a format byte, then the file (a Shapefile: two 16-bit lengths, .shp, .shx, .dbf).
    tmp=$(mktemp -d)
    n=0
    for f in "$root"/Tests/Fixtures/districts/*/*.geojson; do
        [ "$(stat -c %s "$f")" -lt 20000 ] || continue
        n=$((n + 1))
        [ $n -le 12 ] || break
        ogr2ogr -f FlatGeobuf "$tmp/l.fgb" "$f" 2>/dev/null && { printf '\000'; cat "$tmp/l.fgb"; } > "$out/fgb-$n"
        ogr2ogr -f GPKG "$tmp/l.gpkg" "$f" 2>/dev/null && { printf '\001'; cat "$tmp/l.gpkg"; } > "$out/gpkg-$n"
        ogr2ogr -f CSV "$tmp/l.csv" "$f" -lco GEOMETRY=AS_WKT 2>/dev/null && { printf '\002'; cat "$tmp/l.csv"; } > "$out/csv-$n"
        if ogr2ogr -f "ESRI Shapefile" "$tmp/l.shp" "$f" -lco ENCODING=UTF-8 2>/dev/null; then
            python3 -c "
import struct, sys
shp, shx, dbf = (open('$tmp/l.' + e, 'rb').read() for e in ('shp', 'shx', 'dbf'))
if len(shp) < 65536 and len(shx) < 65536:
    sys.stdout.buffer.write(b'\\x03' + struct.pack('<HH', len(shp), len(shx)) + shp + shx + dbf)" > "$out/shp-$n"
        fi
        rm -f "$tmp"/l.*
    done
    rm -rf "$tmp" ;;
esac
