#!/bin/sh
# Scenario benchmark (issue 17, "Correct and fast"): `qtplan compare` of plans on the bundled district as a whole
# process, measuring again only what each plan touches, against the same comparison with --recompute-all (every
# service measured again for every plan), in one run with hyperfine. Target: two plans < 2 s wall (release).
# Usage: tools/bench/scenarios/run.sh [RUNS]   (from anywhere; needs hyperfine, which tools/setup.sh does not install:
# apt-get install hyperfine)
set -eu
cd "$(dirname "$0")/../../.."
runs="${1:-10}"
build=tools/bench/scenarios/build
mkdir -p "$build"
command -v hyperfine >/dev/null || { echo "run.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 69; }
swift build -c release --product qtplan >/dev/null
bin=.build/release/qtplan
python3 tools/bench/scenarios/make_plans.py "$build"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for pair in "kindergartens street" "kindergartens estate"; do
    set -- $pair
    args="compare --all --plan $build/$1.geojson --plan $build/$2.geojson"
    "$bin" $args --format json > "$build/quick.json" 2>/dev/null
    "$bin" $args --format json --recompute-all > "$build/full.json" 2>/dev/null
    python3 - "$build/quick.json" "$build/full.json" <<'PY'
import json, sys
quick, full = (json.load(open(p)) for p in sys.argv[1:3])
same = quick["services"] == full["services"]
print("   plans", [p["name"] for p in quick["plans"]], "measured again:", [len(p["recomputed"]) for p in quick["plans"]],
      "of", len(quick["services"]), "services; results equal to a full recompute:", same)
sys.exit(0 if same else 1)
PY
    hyperfine --warmup 1 --runs "$runs" --export-json "$build/$1-$2.json" \
        -n "touched only ($1, $2)" "$bin $args" -n "recompute all ($1, $2)" "$bin $args --recompute-all" 2>/dev/null \
        | grep -E "Time|±|faster|touched|recompute"
    python3 - "$build/$1-$2.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
q, f = r[0]["median"], r[1]["median"]
print(f"   median {q:.3f} s vs {f:.3f} s: ratio {q / f:.3f}; target < 2 s wall: {'MET' if q < 2 else 'NOT MET'}")
PY
done
