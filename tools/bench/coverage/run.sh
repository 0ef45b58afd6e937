#!/bin/sh
# Coverage benchmark of issue 4 ("Speed"): qtplan's coverage engine against shapely, GeoPandas, networkx and
# pandana on the same generated inputs, in one run; then the bundled district through the release CLI.
# Usage: tools/bench/coverage/run.sh [--repeat N] [--no-pandana] [--skip-scale]   (from anywhere)
# Environment: SCRATCH_PATH (default .build-bench), NICE (default 10).
set -eu
cd "$(dirname "$0")/../../.."
build=tools/bench/coverage/build
scratch="${SCRATCH_PATH:-.build-bench}"
nice="nice -n ${NICE:-10}"
repeat=5
peer_flags=""
scale=1
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) repeat="$2"; shift 2 ;;
        --no-pandana) peer_flags="--no-pandana"; shift ;;
        --skip-scale) scale=0; shift ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 64 ;;
    esac
done
mkdir -p "$build"

# The peers, in a virtual environment that reuses system packages when they are there; pandana is optional.
venv="$build/venv"
[ -x "$venv/bin/python" ] || python3 -m venv --system-site-packages "$venv"
"$venv/bin/python" -c "import shapely, geopandas, networkx, numpy" 2>/dev/null \
    || "$venv/bin/pip" install --quiet shapely geopandas networkx numpy
if [ -z "$peer_flags" ]; then
    "$venv/bin/python" -c "import pandana" 2>/dev/null || "$venv/bin/pip" install --quiet pandana \
        || echo "run.sh: pandana failed to install; network mode is compared with networkx only" >&2
fi

echo "== build (release, $scratch)"
# The benchmark is in the tools package (tools/Package.swift), qtplan in the root package.
$nice swift build -c release --package-path tools --scratch-path "$scratch-tools" --product bench-coverage >/dev/null
$nice swift build -c release --scratch-path "$scratch" --product qtplan >/dev/null
bin="$scratch/release"
bench="$scratch-tools/release/bench-coverage"

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -srm)"
echo "== radius and network: ours"
$nice "$bench" --out "$build" --case radius,network --repeat "$repeat"
echo "== radius and network: peers"
$nice "$venv/bin/python" tools/bench/coverage/peers.py "$build" "$bin/qtplan" --cases radius,network $peer_flags
if [ "$scale" = 1 ]; then
    echo "== scale case (100× the district), under /usr/bin/time -v"
    $nice /usr/bin/time -v -o "$build/scale-time.txt" "$bench" --out "$build" --case scale --repeat 3
    grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$build/scale-time.txt"
fi
echo "== bundled district: the services one after another and in parallel tasks (bench-coverage --case parallel)"
$nice "$bench" --out "$build" --case parallel --repeat "$repeat"
echo "== bundled district (release qtplan)"
$nice "$venv/bin/python" tools/bench/coverage/peers.py "$build" "$bin/qtplan" --cases bundled,summary
