#!/bin/sh
# Benchmarks Tierline beside the tools a CS team would otherwise use, on
# generated accounts files of 10,000, 100,000 and 1,000,000 rows, and
# prints each time, the peak memory and the ratios. Whole processes are
# timed with /usr/bin/time: loads as the median of 5 runs, exports as the
# median of 3 runs below 1,000,000 rows and one run at 1,000,000. Steps
# inside the core are timed by bench-core.
#
# References, run when installed: pandas and XlsxWriter (Debian's
# python3-pandas and python3-xlsxwriter), a minimal libxlsxwriter writer and
# a libcsv reader (libcsv-dev), both built here. The minimal writer copies
# the cells of the Accounts and Movements sheets of the workbook that
# bench-core's timed export wrote, with no formats and nothing else. Only
# its own write time counts, not its reading of Tierline's workbook.
# check-same-cells.sh runs first and stops the script if the two sheets'
# cells differ.
#
# Usage: tests/bench/run-bench.sh [ROWS...]   (default: 10000 100000 1000000)
# Set BENCH_SKIP_PANDAS_JOB=1 to skip the slow pandas export at 1,000,000.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BENCH_BUILD_DIR:-$top/build-bench}
data=$build/bench-data
python=/usr/bin/python3

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release >/dev/null
fi
targets="app/tierline tests/bench/bench-core tests/bench/check-large-import
  tests/bench/tierline-reader tests/bench/minimal-writer tests/bench/bench-gui-latency"
if grep -q libcsv-reader "$build/build.ninja"; then
  targets="$targets tests/bench/libcsv-reader"
fi
# shellcheck disable=SC2086
ninja -C "$build" $targets >/dev/null
mkdir -p "$data"

tierline=$build/app/tierline
bench=$build/tests/bench
have_pandas=false
if $python -c "import pandas, xlsxwriter" 2>/dev/null; then
  have_pandas=true
fi

# Runs a command RUNS times and prints its median wall seconds and peak
# resident memory in MiB.
measure () {
  runs=$1
  shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" >/dev/null 2>&1 || true
    cat "$data/time.txt"
  done | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.3f %.0f", $1, $2 / 1024 }'
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'
}

# Runs the minimal writer RUNS times on bench-core's workbook and sets
# minimal_s and minimal_cpu to the medians of its write time and of its
# user plus system time.
measure_writer () {
  runs=$1
  : > "$data/writes.txt"
  for _ in $(seq "$runs"); do
    "$bench/minimal-writer" "$data/core.xlsx" "$data/minimal.xlsx" > "$data/minimal.txt"
    awk '$1 == "write-seconds" { w = $2 } $1 == "write-cpu" { c = $2 } END { print w, c }' \
      "$data/minimal.txt" >> "$data/writes.txt"
  done
  mid=$(( (runs + 1) / 2 ))
  minimal_s=$(cut -d' ' -f1 "$data/writes.txt" | sort -n | sed -n "${mid}p")
  minimal_cpu=$(cut -d' ' -f2 "$data/writes.txt" | sort -n | sed -n "${mid}p")
}

echo "# Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -m), $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p')"
echo "# Tierline $(git -C "$top" describe --always --dirty 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d)"
echo

"$top/tests/bench/check-same-cells.sh" "$build" > "$data/same-cells.txt"
sed 's/^/# /' "$data/same-cells.txt"
echo

rows_list=${*:-10000 100000 1000000}
for rows in $rows_list; do
  file=$data/accounts-$rows.csv
  [ -f "$file" ] || $python "$top/tests/bench/make-accounts.py" "$rows" "$file"
  # Loads are short, so they run 5 times; exports 3 times below a million
  # rows and once at a million.
  load_runs=5
  runs=3
  [ "$rows" -ge 1000000 ] && runs=1
  size=$(du -m "$file" | cut -f1)
  echo "## $rows accounts ($size MB of CSV)"

  set -- $(measure "$load_runs" "$tierline" --summary "$file")
  load_s=$1 load_mib=$2
  echo "tierline load + segment (--summary):   $load_s s  $load_mib MiB"

  "$bench/bench-core" "$file" "$data/core.xlsx" > "$data/core.txt"
  sed 's/^/  core /' "$data/core.txt"

  set -- $(measure "$runs" "$tierline" --export "$data/out.xlsx" "$file")
  export_s=$1 export_mib=$2
  echo "tierline whole job (--export):         $export_s s  $export_mib MiB"

  measure_writer "$runs"
  core_export=$(awk '$1 == "export" { print $2 }' "$data/core.txt")
  core_cpu=$(awk '$1 == "export-cpu" { print $2 }' "$data/core.txt")
  echo "minimal libxlsxwriter writer:          $minimal_s s, $minimal_cpu s of CPU  (Tierline's export step / minimal: $(ratio "$core_export" "$minimal_s"), in CPU time: $(ratio "$core_cpu" "$minimal_cpu"))"

  if [ -x "$bench/libcsv-reader" ]; then
    set -- $(measure "$load_runs" "$bench/libcsv-reader" "$file")
    csv_s=$1
    set -- $(measure "$load_runs" "$bench/tierline-reader" "$file")
    echo "reader alone: Tierline $1 s, libcsv $csv_s s (libcsv / Tierline: $(ratio "$csv_s" "$1"))"
  fi

  if $have_pandas; then
    set -- $(measure "$load_runs" $python "$top/tests/bench/pandas-job.py" read "$file")
    echo "pandas.read_csv alone:                 $1 s  $2 MiB  (pandas / Tierline load + segment: $(ratio "$1" "$load_s"))"
    if [ "$rows" -lt 1000000 ] || [ "${BENCH_SKIP_PANDAS_JOB:-0}" != 1 ]; then
      set -- $(measure "$runs" $python "$top/tests/bench/pandas-job.py" job "$file" "$data/pandas.xlsx")
      echo "pandas + XlsxWriter whole job:         $1 s  $2 MiB  (pandas / Tierline whole job: $(ratio "$1" "$export_s"))"
    fi
  fi
  echo
done

large=$data/large-import.csv
if [ ! -f "$large" ]; then
  { echo 'Account ID,Account,ARR,Seats'
    awk 'BEGIN { for (i = 1; i <= 1000000; i++)
                   printf "ACC-%07d,Account %d,%d,%d\n", i, i, (i * 7919) % 500000 + 1000, 1 + i % 250 }'
  } > "$large"
fi
echo "## 1,000,000-row import check"
"$bench/check-large-import" "$large"

# The window's main loop while it loads and exports the largest file, with
# the environment of the GUI tests; it needs Xvfb.
largest=$(ls -S "$data"/accounts-*.csv 2>/dev/null | head -n 1)
if [ -n "$largest" ] && command -v xvfb-run >/dev/null; then
  echo
  echo "## Window responsiveness on $(basename "$largest")"
  GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
    GTK_A11Y=none NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 LC_ALL=C.UTF-8 \
    xvfb-run -a -s '-screen 0 1400x900x24' "$bench/bench-gui-latency" "$largest" \
    | grep -v '^#\|^1\.\.'
  # Four more loads and sorts, for the spread of the longest stall.
  for run in 2 3 4 5; do
    echo "### Load and sorts, run $run"
    GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
      GTK_A11Y=none NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 LC_ALL=C.UTF-8 TIERLINE_BENCH_PHASES=sort \
      xvfb-run -a -s '-screen 0 1400x900x24' "$bench/bench-gui-latency" "$largest" \
      | grep '^load    main\|^load    first\|^sort    main\|^sort    arr\|^sort    name  '
  done
fi
