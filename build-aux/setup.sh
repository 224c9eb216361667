#!/bin/sh
# Installs what building and testing Tierline needs on Debian 12 or a
# recent Ubuntu, then configures the build directory. Sourced by run.sh and
# test.sh.
set -eu

packages="gcc pkg-config meson ninja-build gettext libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libxlsxwriter-dev libzip-dev libsqlite3-dev desktop-file-utils appstream
  xvfb xauth unzip gnumeric fonts-cantarell adwaita-icon-theme"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  else
    sudo="sudo"
  fi
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top"
fi
meson compile -C "$build"
