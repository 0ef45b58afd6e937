#!/bin/sh
# Siting benchmark of issue 6: the quality of site-suggest's maximal covering solver against the exact
# optimum (pulp + CBC) on three seeded instances of 2,000 demand points × 200 candidates, K = 5, 10, 20; then
# the time of `qtplan site-suggest --count 20` on the bundled district (release build, target < 5 s).
# Usage: tools/bench/siting/run.sh [--repeat N] [--skip-timing]   (from anywhere)
# Environment: SCRATCH_PATH (default .build), NICE (default 10).
set -eu
cd "$(dirname "$0")/../../.."
build=tools/bench/siting/build
scratch="${SCRATCH_PATH:-.build}"
nice="nice -n ${NICE:-10}"
repeat=3
timing=1
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) repeat="$2"; shift 2 ;;
        --skip-timing) timing=0; shift ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 64 ;;
    esac
done
mkdir -p "$build"

# The exact solver: pulp with its bundled CBC, in a virtual environment under build/ (ignored by git).
venv="$build/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pulp, numpy" 2>/dev/null || "$venv/bin/pip" install --quiet pulp numpy

echo "== build (release, $scratch)"
# The benchmark is in the tools package (tools/Package.swift), qtplan in the root package.
$nice swift build -c release --package-path tools --scratch-path "$scratch-tools" --product bench-siting >/dev/null
$nice swift build -c release --scratch-path "$scratch" --product qtplan >/dev/null
bin="$scratch/release"
bench="$scratch-tools/release/bench-siting"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -srm), pulp $("$venv/bin/python" -c 'import pulp; print(pulp.__version__)')"

echo "== quality: three seeded instances, greedy with lazy evaluation + swaps vs the CBC optimum"
$nice "$bench" "$build/instances"
$nice "$venv/bin/python" tools/bench/siting/peers.py "$build/instances"

[ "$timing" = 1 ] || exit 0
echo "== speed: qtplan site-suggest --count 20 on the bundled district, median of $repeat runs (target < 5 s)"
echo "   wall time, and CPU time (user + sys, from /usr/bin/time when present: less sensitive to a shared machine)"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
for args in "--type kindergarten" "--type primary_school" "--type community_health_centre" \
            "--type kindergarten --mode radius" "--type fire_station --grid 500" "--type fire_station"; do
    walls=""
    cpus=""
    for _ in $(seq "$repeat"); do
        start=$(date +%s%N)
        if [ -x /usr/bin/time ]; then
            # shellcheck disable=SC2086
            $nice /usr/bin/time -f "%U %S" -o "$build/time.txt" "$bin/qtplan" site-suggest $args --count 20 --format json > "$build/suggest.json"
            cpus="$cpus $(awk '{print $1 + $2}' "$build/time.txt")"
        else
            # shellcheck disable=SC2086
            $nice "$bin/qtplan" site-suggest $args --count 20 --format json > "$build/suggest.json"
        fi
        end=$(date +%s%N)
        walls="$walls $((end - start))"
    done
    wall=$(echo "$walls" | tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] / 1e9}')
    cpu=$(echo "$cpus" | tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "n/a"}')
    summary=$("$venv/bin/python" -c "import json,sys; r=json.load(open(sys.argv[1])); print(f\"{r['candidates']} candidates, {r['passing']} pass, {len(r['picks'])} picks, share {r['existing_covered']/r['population']:.3f} -> {r['share']:.3f}, {r['swaps']} swaps\")" "$build/suggest.json")
    printf '%-48s wall %6.2f s  cpu %5s s   %s\n' "$args" "$wall" "$cpu" "$summary"
done
