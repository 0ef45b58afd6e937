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
esac
