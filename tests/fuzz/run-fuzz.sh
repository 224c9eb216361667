#!/bin/sh
# run-fuzz.sh [SECONDS] [TARGET]
#
# Builds Tierline's libFuzzer targets against the core sources with
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs each for
# SECONDS (default 60). TARGET is csv-reader or value; without it both run,
# one after the other. Everything goes to build-fuzz/ at the top of the
# tree (or $FUZZ_BUILD_DIR): the objects, the targets, the corpus that
# grows from run to run, and crash files.
#
# A developer tool, not part of the test suite. On Debian 12 it needs:
#   apt-get install clang-14 libclang-rt-14-dev pkg-config \
#     libglib2.0-dev libxlsxwriter-dev libzip-dev libsqlite3-dev
# and the -dev package of any other dependency the core gains: the script
# takes the core's sources and pkg-config names from app/meson.build.
# (libclang-rt-14-dev contains libFuzzer and the sanitizer runtimes.)
#
# Environment: FUZZ_BUILD_DIR, FUZZ_TIMEOUT (seconds one input may take
# before it counts as a hang, default 1), CC (default clang-14).
set -eu

seconds=${1:-60}
only=${2:-}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$top/build-fuzz}
timeout=${FUZZ_TIMEOUT:-1}
cc=${CC:-clang-14}
targets="csv-reader value"

case "$seconds" in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS] [csv-reader|value]" >&2; exit 2 ;;
esac
if [ -n "$only" ]; then
  case " $targets " in
    *" $only "*) targets=$only ;;
    *) echo "unknown target '$only': use csv-reader or value" >&2; exit 2 ;;
  esac
fi
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "$cc not found: apt-get install clang-14 libclang-rt-14-dev" >&2
  exit 1
fi

# The core's sources and dependencies, as app/meson.build lists them.
sources=$(sed -n "s|^ *'\(core/[^']*\.c\)'.*|$top/app/\1|p" "$top/app/meson.build")
deps=""
extra_libs=""
for var in $(sed -n 's/^core_deps *= *\[\(.*\)\]/\1/p' "$top/app/meson.build" | tr ',' ' '); do
  name=$(sed -n "s/^$var *= *dependency *( *'\([^']*\)'.*/\1/p" \
           "$top/meson.build" "$top/app/meson.build" | head -n 1)
  lib=$(sed -n "s/^$var *= *cc\.find_library *( *'\([^']*\)'.*/\1/p" \
          "$top/meson.build" "$top/app/meson.build" | head -n 1)
  if [ -n "$name" ]; then
    deps="$deps $name"
  elif [ -n "$lib" ]; then
    extra_libs="$extra_libs -l$lib"
  else
    echo "cannot tell what $var in app/meson.build is" >&2
    exit 1
  fi
done
if [ -z "$sources" ] || [ -z "$deps" ]; then
  echo "found no core sources or dependencies in app/meson.build" >&2
  exit 1
fi

sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all"
# $deps is a list of pkg-config names, split on purpose.
# shellcheck disable=SC2086
cflags="-g -O1 -fno-omit-frame-pointer -std=gnu11 -Wall -Wextra
  -Wno-unused-parameter -Wno-missing-field-initializers
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74
  -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
  -I$build -I$top/app/core $(pkg-config --cflags $deps)"
# shellcheck disable=SC2086
libs="$(pkg-config --libs $deps)$extra_libs"

mkdir -p "$build/obj"

# The same definitions as the config.h meson writes.
version=$(sed -n "s/^ *version: '\([^']*\)'.*/\1/p" "$top/meson.build" | head -n 1)
cat > "$build/config.h.new" <<EOF
/* Written by tests/fuzz/run-fuzz.sh for the fuzz build. */
#pragma once
#define APP_ID "io.github.tierline.Tierline"
#define GETTEXT_PACKAGE "tierline"
#define LOCALEDIR "/usr/local/share/locale"
#define PACKAGE_VERSION "$version"
#define PKGDATADIR "/usr/local/share/tierline"
#define SOURCE_SAMPLE_DIR "$top/data/samples"
EOF
if cmp -s "$build/config.h.new" "$build/config.h"; then
  rm "$build/config.h.new"
else
  mv "$build/config.h.new" "$build/config.h"
fi

# Returns whether object $2 is older than source $1 or any core header.
stale ()
{
  [ ! -f "$2" ] ||
    [ -n "$(find "$1" "$top"/app/core/*.h "$build/config.h" -newer "$2" | head -n 1)" ]
}

# The core objects get coverage instrumentation, and only the targets link
# libFuzzer itself.
echo "Building the core with $cc"
objects=""
for src in $sources; do
  obj="$build/obj/$(basename "$src" .c).o"
  objects="$objects $obj"
  if stale "$src" "$obj"; then
    # shellcheck disable=SC2086
    "$cc" $cflags $sanitize -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
  fi
done

for t in $targets; do
  # shellcheck disable=SC2086
  "$cc" $cflags $sanitize -fsanitize=fuzzer "$top/tests/fuzz/fuzz-$t.c" \
    "$top/tests/fuzz/fuzz-guard.c" $objects $libs \
    -o "$build/fuzz-$t"
done

# Seeds: the test files, each read whole and in small pieces, and a few
# cells and files of this script's own. The first four bytes of a
# csv-reader input choose the piece sizes, where 0 means the rest at once.
# Bits 1 and 2 of the first byte add blank lines that put the rest past the
# reader's 64 KiB detection window (see fuzz-csv-reader.c).
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/csv-reader" "$seeds/value"
for f in "$top"/tests/data/*.csv; do
  name=$(basename "$f" .csv)
  { printf '\0\0\0\0'; cat "$f"; } > "$seeds/csv-reader/$name"
  { printf '\001\003\177\200'; cat "$f"; } > "$seeds/csv-reader/$name-pieces"
done
printf '\001\0\0\0Account ID;Account Name;ARR\r\nA1;"Acme\r\n""East""";1.234,56\r\nA1;Acme;2\r\n' \
  > "$seeds/csv-reader/own-combine-ids"
printf '\0\0\0\0\377\376A\0,\0B\0\n\0x\0,\0\275\330\n\0' > "$seeds/csv-reader/own-utf16le"
# shellcheck disable=SC2016
printf '\0\0\0\0sep=|\nName|MRR|Renewal\nZ\351ta|$1,200|15/03/2027\n' \
  > "$seeds/csv-reader/own-sep-windows-1252"
printf '\002\0\0\0Accounts export\n\nName,ARR,CSAT,NPS,DAU,MAU\nA,"1,000",4.5,-20,5,10\n"B' \
  > "$seeds/csv-reader/own-title-unclosed"
printf '\002\0\0\0Name;ARR\nZ\351ta;1\n' > "$seeds/csv-reader/own-late-windows-1252"
printf '\004\001\020\0\nAccount,ARR\r\nA,1\r\n' > "$seeds/csv-reader/own-late-crlf"
printf '\006\0\0\0A\0,\0A\0R\0R\0\n\0x\0,\0\061\0\n\0' > "$seeds/csv-reader/own-late-utf16le"
# shellcheck disable=SC2016
for cell in '$1,234.56' '1.234,56 €' '(1,200)' 'USD 2500' '2.5M' '85%' '1.2E+06' \
            "1'234.50" '−42' 'N/A' 'yes' 'Nein' '2027-03-15T10:00' '3/15/27' '15.3.2027' \
            '46096.5' 'ARR (USD)'; do
  printf '%s' "$cell" > "$seeds/value/$(printf '%s' "$cell" | md5sum | cut -c1-12)"
done

status=0
for t in $targets; do
  corpus="$build/corpus/$t"
  crashes="$build/crashes/$t"
  log="$build/fuzz-$t.log"
  mkdir -p "$corpus" "$crashes"
  touch "$build/started"

  echo "Running fuzz-$t for $seconds s (log: $log)"
  set +e
  G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8 \
  UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz-$t" -max_len=65536 -timeout="$timeout" -max_total_time="$seconds" \
      -dict="$top/tests/fuzz/fuzz-csv-reader.dict" -print_final_stats=1 \
      -artifact_prefix="$crashes/" "$corpus" "$seeds/$t" > "$log" 2>&1
  rc=$?
  set -e

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  echo "fuzz-$t: ${execs:-?} executions, ${rate:-?} exec/s, corpus $(find "$corpus" -type f | wc -l) files"
  found=$(find "$crashes" -type f -newer "$build/started")
  if [ -n "$found" ] || [ "$rc" -ne 0 ]; then
    echo "fuzz-$t found a problem (exit $rc):"
    grep -m 3 -e 'ERROR: ' -e 'runtime error' -e '==ERROR' "$log" || tail -n 20 "$log"
    for f in $found; do
      echo "  $f"
    done
    echo "Reproduce with: $build/fuzz-$t FILE"
    status=1
  fi
done

exit $status
