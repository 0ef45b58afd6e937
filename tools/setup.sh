#!/usr/bin/env bash
# One-command set-up for a fresh Debian/Ubuntu machine with Swift installed:
#   1. installs the C libraries qtplan wraps (GEOS, PROJ) and pkg-config, with apt-get, when missing
#      (through sudo when not root);
#   2. builds qtplan in release mode;
#   3. runs the main job on the bundled Qiantang district: validate it, then summarise it.
# Usage: tools/setup.sh [--deps-only]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libgeos-dev libproj-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
echo "setup: GEOS $(pkg-config --modversion geos), PROJ $(pkg-config --modversion proj)" >&2

[ "${1:-}" = "--deps-only" ] && exit 0

swift build -c release --product qtplan >&2
echo "setup: checking the bundled district (qtplan validate), then summarising it (qtplan info)" >&2
.build/release/qtplan validate
.build/release/qtplan info
