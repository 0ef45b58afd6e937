#!/usr/bin/env bash
# Regenerates every layer of geodata/qiantang from ../shared/reference (not part of a user's clone) and
# the rules in tools/model-geodata. The two tools must run in this order: the modelled layers are built on
# the derived boundary, and the last modelling step adds their shared vertices to it. Two runs write
# byte-identical files.
set -euo pipefail
cd "$(dirname "$0")/.."
# The tools are a package of their own (tools/Package.swift).
swift run -c release --package-path tools derive-geodata
swift run -c release --package-path tools model-geodata
