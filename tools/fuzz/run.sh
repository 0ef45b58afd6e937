#!/bin/sh
# Runs one libFuzzer target for a given time: tools/fuzz/run.sh geojson|wkt|district|gdal SECONDS [libFuzzer flags…]
# Builds tools/fuzz with -sanitize=fuzzer,address, seeds a corpus from Tests/Fixtures (copied, never
# committed: tools/fuzz/corpus/ is ignored), keeps findings in tools/fuzz/findings/TARGET/ and prints
# libFuzzer's final status lines. Runs niced; one target at a time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${1:?usage: run.sh geojson|wkt|district|gdal SECONDS}
seconds=${2:?usage: run.sh geojson|wkt|district|gdal SECONDS}
shift 2
case $target in geojson|wkt|district|gdal) ;; *) echo "run.sh: unknown target $target (geojson, wkt, district, gdal)" >&2; exit 64;; esac

cd "$here"
# One combined -sanitize=fuzzer,address: SwiftPM passes `--sanitize=fuzzer --sanitize=address` to swiftc as two
# flags, and swiftc 6.3 keeps only the last, so the code was built with AddressSanitizer but without coverage
# instrumentation (libFuzzer then finds "no interesting inputs" and mutates blind).
flags="-c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address"
nice -n "${NICE:-10}" swift build $flags --product "fuzz-$target" >&2
binary=$(swift build $flags --show-bin-path)/fuzz-$target

# Refuse to fuzz blind: an instrumented binary reports its coverage counters when it starts.
empty=$(mktemp -d)
"$binary" -runs=0 "$empty" 2>&1 | grep -q "inline 8-bit counters" || {
    rmdir "$empty"
    echo "run.sh: fuzz-$target is not instrumented for coverage; rebuild it (rm -rf tools/fuzz/.build) and run again" >&2
    exit 70
}
rmdir "$empty"

corpus=$here/corpus/$target
findings=$here/findings/$target
mkdir -p "$corpus" "$findings"
"$here/seed.sh" "$target" "$corpus"

dict=""
[ -f "$here/dictionaries/$target.dict" ] && dict="-dict=$here/dictionaries/$target.dict"
# -rss_limit_mb: the district target validates what it loads; 4 GB is plenty and leaves the machine usable.
# A GeoPackage is about 100 kB at the least: the gdal target takes longer inputs.
maxlen=65536
[ "$target" = gdal ] && maxlen=262144
nice -n "${NICE:-10}" "$binary" "$corpus" $dict -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len="$maxlen" \
    -artifact_prefix="$findings/" -print_final_stats=1 "$@" 2>&1 | tee "$here/findings/$target.log" | tail -n 25
grep -q "inline 8-bit counters" "$here/findings/$target.log" || {
    echo "run.sh: fuzz-$target was not instrumented for coverage; rebuild it (rm -rf tools/fuzz/.build) and run again" >&2
    exit 70
}
