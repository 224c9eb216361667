#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
set -eu
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top"

status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for f in $(grep -rlE '(^|[^A-Za-z_])(N?C?_|C_|g_dpgettext2?|g_dngettext)\(|translatable="yes"' app ui | sort); do
  if ! printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "missing from po/POTFILES.in: $f"
    status=1
  fi
done

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "listed in po/POTFILES.in but not found: $f"
    status=1
  fi
done

exit $status
