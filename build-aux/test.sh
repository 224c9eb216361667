#!/bin/sh
# Sets up and builds Tierline, then runs every test, the window tests under
# a virtual X display. Ends with the line "N passed, N failed".
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/build-aux/setup.sh"

# setup.sh generated the locales that the format tests use, so a missing
# one is an error here rather than a skipped test.
export TIERLINE_REQUIRE_LOCALES=1

status=0
xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' \
  meson test -C "$top/build" --print-errorlogs "$@" || status=$?

python3 "$top/build-aux/count-tests.py" "$top/build/meson-logs/testlog.json" || status=1
exit $status
