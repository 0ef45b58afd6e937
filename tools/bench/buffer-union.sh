#!/usr/bin/env bash
# Buffer+union benchmark: QTGeometry (Swift) against plain C on the same libgeos_c.
#
# What is measured: 2,000 fixed seeded points in a 30 x 20 km box, each buffered by 1,000 m (8 quadrant
# segments, round cap/join), the buffers gathered into a GeometryCollection, GEOSUnaryUnion_r, GEOSArea_r,
# and freeing everything. Only that work is timed, inside each program; the GEOS context, the coordinates
# and process start-up are outside the timer. Both programs print "<lang> <ms> <area>" and the areas must
# be identical (same points, same GEOS calls), else this script fails.
#
# Why interleaved: runs alternate C, Swift, C, Swift ... so that drift on the machine (frequency scaling,
# other jobs, thermal state, page cache) hits both sides alike instead of biasing whichever ran in a block.
# The headline (last line) is median(Swift) / median(C) over the rounds; the line before it adds the
# ratio of the fastest runs and the median of per-round ratios as noise diagnostics.
#
# Usage: tools/bench/buffer-union.sh [--rounds N] [--repeat N]
#   --rounds N   interleaved C/Swift pairs (default 11, at least 1; use 9 or more for a figure worth quoting)
#   --repeat N   repetitions of the work inside each process; the printed ms is per repetition (default 1)
# Environment: SCRATCH_PATH (Swift scratch dir, default .build-bench), CC (default cc), CFLAGS (default -O2).
set -euo pipefail

rounds=21
repeat=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="${2:?--rounds needs a value}"; shift 2 ;;
        --repeat) repeat="${2:?--repeat needs a value}"; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "buffer-union.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "buffer-union.sh: --rounds must be a positive integer" >&2; exit 2; }
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "buffer-union.sh: --repeat must be a positive integer" >&2; exit 2; }

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
scratch="${SCRATCH_PATH:-.build-bench}"
cc="${CC:-cc}"
cflags="${CFLAGS:--O2}"

cd "$root"

echo "building C ($cc $cflags, GEOS $(pkg-config --modversion geos))" >&2
mkdir -p "$bench_dir/build"
c_bin="$bench_dir/build/buffer_union"
# shellcheck disable=SC2046,SC2086
"$cc" $cflags "$bench_dir/buffer_union.c" -o "$c_bin" $(pkg-config --cflags --libs geos)

echo "building Swift (release, --scratch-path $scratch)" >&2
swift build -c release --package-path tools --product bench-buffer-union --scratch-path "$scratch" >&2
swift_bin="$(swift build -c release --package-path tools --product bench-buffer-union --scratch-path "$scratch" --show-bin-path)/bench-buffer-union"

# Runs one program, checks its output line, and prints "<ms> <area>".
run() {
    local label="$1" bin="$2" out tag ms area
    out="$("$bin" --repeat "$repeat")"
    read -r tag ms area <<<"$out"
    if [[ "$tag" != "$label" || -z "${ms:-}" || -z "${area:-}" ]]; then
        echo "buffer-union.sh: unexpected output from $bin: $out" >&2
        exit 1
    fi
    echo "$ms $area"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "warm-up" >&2
# A failing run exits its command substitution; the assignment then fails too and set -e stops here.
line="$(run c "$c_bin")"; read -r _ expected_area <<<"$line"
line="$(run swift "$swift_bin")"; read -r _ swift_area <<<"$line"
if [[ "$swift_area" != "$expected_area" ]]; then
    echo "buffer-union.sh: areas differ: C $expected_area, Swift $swift_area" >&2
    exit 1
fi

echo "rounds: $rounds (C then Swift), repeat: $repeat, area: $expected_area"
c_times=()
swift_times=()
for ((i = 1; i <= rounds; i++)); do
    line="$(run c "$c_bin")"; read -r c_ms c_area <<<"$line"
    line="$(run swift "$swift_bin")"; read -r s_ms s_area <<<"$line"
    for area in "$c_area" "$s_area"; do
        if [[ "$area" != "$expected_area" ]]; then
            echo "buffer-union.sh: round $i: area $area differs from $expected_area (C $c_area, Swift $s_area)" >&2
            exit 1
        fi
    done
    c_times+=("$c_ms")
    swift_times+=("$s_ms")
    printf 'round %2d: C %9.3f ms   Swift %9.3f ms\n' "$i" "$c_ms" "$s_ms"
done

# Noise diagnostics (not the headline): the fastest run of each side, which on a busy machine is the
# best estimate of the undisturbed cost, and the median of the per-round ratios (each pair ran back to back).
ratio_median="$(paste -d' ' <(printf '%s\n' "${c_times[@]}") <(printf '%s\n' "${swift_times[@]}") \
    | awk '{ print $2 / $1 }' | median)"
c_min="$(printf '%s\n' "${c_times[@]}" | sort -g | awk 'NR == 1')"
swift_min="$(printf '%s\n' "${swift_times[@]}" | sort -g | awk 'NR == 1')"
awk -v c="$c_min" -v s="$swift_min" -v r="$ratio_median" 'BEGIN {
    printf "min C: %.3f ms, min Swift: %.3f ms, ratio of mins: %.3f; median of per-round ratios: %.3f\n", c, s, s / c, r }'
c_median="$(printf '%s\n' "${c_times[@]}" | median)"
swift_median="$(printf '%s\n' "${swift_times[@]}" | median)"
awk -v c="$c_median" -v s="$swift_median" \
    'BEGIN { printf "median C: %.3f ms, median Swift: %.3f ms, ratio Swift/C: %.3f\n", c, s, s / c }'
