#!/bin/sh
# Peak memory of qtplan's commands on the worst inputs inside the default limits (issue 19, class 3).
#
#   tools/limits/measure.sh [BYTES] [COMMANDS…]      BYTES: the limit (default: 100663296 = 96M, the default)
#
# For each worst case of tools/limits/make-layer.py (properties of one-element arrays, the same behind a UTF-8
# byte order mark, long lines of short positions, many small point features, a boundary at the vertex limit)
# it writes a district in a temporary folder (the large layer, and small ones beside it so that every command has
# what it needs), runs each command under /usr/bin/time -v and prints the peak resident set size, the time and the
# exit status (a non-zero status prints the first line of stderr: validate exits 65 on the cases' own defects). Run it alone (it is slow in a debug build), at low priority.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
qtplan=${QTPLAN:-$root/.build/debug/qtplan}
bytes=${1:-100663296}
shift $(( $# > 0 ? 1 : 0 ))
commands=${*:-info validate}
# What each command needs beyond --district to do its whole job on the worst case (writing its output too).
arguments() {
    case $1 in
    coverage) echo "--all" ;;
    map) echo "--layers boundary,network,facilities --coverage kindergarten -o $work/out.png --force" ;;
    report) echo "-o $work/out.html --force" ;;
    export) echo "--all -o $work/export --force" ;;
    site-suggest) echo "--type kindergarten --count 3" ;;
    isochrone) echo "--at 120.305,30.305" ;;
    site-check) echo "--type kindergarten --at 120.305,30.305" ;;
    esac
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

printf '%-8s %-10s %12s %10s %8s %6s\n' case command "layer bytes" "peak MB" seconds exit
for kind in ${KINDS:-props bom coords points rings}; do
    # The district's layers together are bounded too: leave room for the boundary (and a byte order mark).
    size=$((bytes - 4096))
    # The ring case is bounded by --max-vertices (250,000 by default): 24 bytes a vertex.
    [ "$kind" = rings ] && size=$((250000 * 24 - 200))
    python3 "$here/make-layer.py" "$work/$kind" "$kind" "$size"
    layer=$(ls -S "$work/$kind"/*.geojson | head -n 1)
    for command in $commands; do
        set +e
        /usr/bin/time -v -o "$work/time" nice -n 19 "$qtplan" "$command" --district "$work/$kind" $(arguments "$command") >/dev/null 2>"$work/stderr"
        status=$?
        set -e
        peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
        wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
        printf '%-8s %-10s %12s %10s %8s %6s\n' "$kind" "$command" "$(stat -c %s "$layer")" "$((peak / 1024))" "$wall" "$status"
        [ "$status" -le 1 ] || sed -n '1p' "$work/stderr" | cut -c1-200
    done
    rm -rf "${work:?}/$kind" "$work/export" "$work"/out.*
done
