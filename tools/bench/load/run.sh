#!/bin/sh
# Loading benchmark (issue 18): DistrictLoader().load(directory:) in-process on the bundled district, median of
# N runs after a warm-up (release build), with the time of each phase; and the process floor
# (`qtplan --version`, wall time, median of N) for context.
# Usage: tools/bench/load/run.sh [--repeat N] [--no-phases] [DIR]   (from anywhere; DIR defaults to geodata/qiantang)
# Environment: SCRATCH_PATH (default .build), NICE (default 0).
set -eu
cd "$(dirname "$0")/../../.."
scratch="${SCRATCH_PATH:-.build}"
nice="nice -n ${NICE:-0}"
repeat=15
args=""
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) repeat="$2"; shift 2 ;;
        --no-phases) args="$args --no-phases"; shift ;;
        -*) echo "run.sh: unknown argument $1" >&2; exit 64 ;;
        *) args="$args $1"; shift ;;
    esac
done

echo "== build (release, $scratch)"
# The benchmark is in the tools package (tools/Package.swift), qtplan in the root package.
$nice swift build -c release --package-path tools --scratch-path "$scratch-tools" --product bench-load >/dev/null
$nice swift build -c release --scratch-path "$scratch" --product qtplan >/dev/null
qtplan="$scratch/release/qtplan"
bench="$scratch-tools/release/bench-load"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -srm), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"

echo "== process floor: qtplan --version, wall time, median of $repeat"
"$qtplan" --version >/dev/null
walls=""
for _ in $(seq "$repeat"); do
    start=$(date +%s%N)
    $nice "$qtplan" --version >/dev/null
    end=$(date +%s%N)
    walls="$walls $((end - start))"
done
echo "$walls" | tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {printf "floor: median %.3f s wall\n", a[int((NR+1)/2)] / 1e9}'

# shellcheck disable=SC2086
$nice "$bench" --repeat "$repeat" $args
