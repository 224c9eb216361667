#!/bin/sh
# Installs the build into a temporary DESTDIR with `meson install` and
# checks that every file a desktop installation needs is there. These are
# the binary, the desktop file, the metainfo, the GSettings schema, both
# icons, the manual page, a .mo file for each language in po/LINGUAS and
# the sample accounts. Then runs the installed binary on the installed
# sample.
# Usage: check-install.sh MESON BUILD_DIR SOURCE_DIR APP_ID VERSION PREFIX
#        BINDIR DATADIR MANDIR LOCALEDIR
set -eu
meson=$1
build=$2
source=$3
app_id=$4
version=$5
prefix=$6
bindir=$7
datadir=$8
mandir=$9
shift 9
localedir=$1

destdir=$(mktemp -d "${TMPDIR:-/tmp}/tierline-install-XXXXXX")
trap 'rm -rf "$destdir"' EXIT

# --no-rebuild: `meson test` has built everything before running tests.
"$meson" install -C "$build" --no-rebuild --quiet --destdir "$destdir" >"$destdir.log" 2>&1 || {
  cat "$destdir.log"
  rm -f "$destdir.log"
  echo "meson install failed"
  exit 1
}
rm -f "$destdir.log"

# Relative option values are relative to the prefix.
under_prefix() {
  case $1 in
    /*) printf '%s%s' "$destdir" "$1" ;;
    *) printf '%s%s/%s' "$destdir" "$prefix" "$1" ;;
  esac
}
bin=$(under_prefix "$bindir")
data=$(under_prefix "$datadir")
man=$(under_prefix "$mandir")
locale=$(under_prefix "$localedir")

status=0
expect() {
  if [ -f "$1" ]; then
    echo "ok: ${1#"$destdir"}"
  else
    echo "missing: ${1#"$destdir"}"
    status=1
  fi
}

expect "$bin/tierline"
expect "$data/applications/$app_id.desktop"
expect "$data/metainfo/$app_id.metainfo.xml"
expect "$data/glib-2.0/schemas/$app_id.gschema.xml"
expect "$data/icons/hicolor/scalable/apps/$app_id.svg"
expect "$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$man/man1/tierline.1"
expect "$data/tierline/samples/accounts.csv"

languages=$(sed -e 's/#.*//' "$source/po/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
for language in $languages; do
  expect "$locale/$language/LC_MESSAGES/tierline.mo"
done

if [ -f "$man/man1/tierline.1" ] && ! grep -q "\"Tierline $version\"" "$man/man1/tierline.1"; then
  echo "the installed manual page does not name version $version"
  status=1
fi

if [ -x "$bin/tierline" ]; then
  printed=$("$bin/tierline" --version)
  if [ "$printed" != "tierline $version" ]; then
    echo "the installed tierline --version printed \"$printed\", expected \"tierline $version\""
    status=1
  fi
  if ! errors=$("$bin/tierline" --summary "$data/tierline/samples/accounts.csv" 2>&1 >/dev/null); then
    echo "the installed tierline --summary failed on the installed sample:"
    echo "$errors"
    status=1
  fi
fi

exit $status
