#!/bin/sh
# Checks that minimal-writer, the reference export of run-bench.sh, writes
# the same cells as Tierline's Accounts and Movements sheets. It generates
# 10,000 accounts, a few with names that need XML escapes or keep outer
# spaces, and exports them with bench-core, whose export run-bench.sh
# times. minimal-writer copies the cells of that workbook. The two
# workbooks are then compared twice: with minimal-writer's own reader and
# with compare-cells.py, which uses a full XML parser. Any difference
# stops the script with status 1.
#
# Usage: tests/bench/check-same-cells.sh [BUILD_DIR]   (default: build-bench)
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-${BENCH_BUILD_DIR:-$top/build-bench}}
bench=$build/tests/bench

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release >/dev/null
fi
ninja -C "$build" tests/bench/bench-core tests/bench/minimal-writer >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/same-cells-XXXXXX")
trap 'rm -rf "$work"' EXIT

# Rows 2 to 5 get names with an ampersand, angle brackets and quotes, outer
# spaces, and characters outside ASCII.
/usr/bin/python3 "$top/tests/bench/make-accounts.py" 10000 "$work/accounts.csv"
awk -F, -v OFS=, '
  NR == 2 { $2 = "\"Smith & Sons <EU> \"\"Ltd\"\"\"" }
  NR == 3 { $2 = "\"  Padded Name  \"" }
  NR == 4 { $2 = "Zürich Ölwerke 東京 😀" }
  NR == 5 { $2 = "R&D > Ops" }
  { print }' "$work/accounts.csv" > "$work/tricky.csv"

"$bench/bench-core" "$work/tricky.csv" "$work/tierline.xlsx" >/dev/null
"$bench/minimal-writer" "$work/tierline.xlsx" "$work/minimal.xlsx" >/dev/null
"$bench/minimal-writer" --compare "$work/tierline.xlsx" "$work/minimal.xlsx"
/usr/bin/python3 "$top/tests/bench/compare-cells.py" "$work/tierline.xlsx" "$work/minimal.xlsx"
echo "same cells: ok"
