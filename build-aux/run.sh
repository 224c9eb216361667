#!/bin/sh
# Sets up and builds Tierline, then opens it on the bundled sample accounts.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/build-aux/setup.sh"

GSETTINGS_SCHEMA_DIR="$top/build/data" exec "$top/build/app/tierline" \
  "$top/data/samples/accounts.csv"
