#!/bin/sh
# Installs what building and testing Tierline needs on Debian 12 or a
# recent Ubuntu, then configures the build directory. Sourced by run.sh and
# test.sh.
set -eu

packages="gcc pkg-config meson ninja-build gettext libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libxlsxwriter-dev libzip-dev libsqlite3-dev desktop-file-utils appstream groff-base
  xvfb xauth libxtst-dev unzip gnumeric fonts-cantarell adwaita-icon-theme locales"

# The locales whose number, money and date formats the tests check.
test_locales="de_DE fr_FR en_US"

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

# Enables each missing test locale in /etc/locale.gen, so that a later
# locale-gen keeps it, and compiles it.
for l in $test_locales; do
  if ! locale -a | grep -qix "$l.utf8"; then
    echo "Generating the locale $l.UTF-8"
    if [ -f /etc/locale.gen ]; then
      if grep -q "^# *$l.UTF-8 UTF-8" /etc/locale.gen; then
        $sudo sed -i "s/^# *$l.UTF-8 UTF-8/$l.UTF-8 UTF-8/" /etc/locale.gen
      elif ! grep -q "^$l.UTF-8 UTF-8" /etc/locale.gen; then
        echo "$l.UTF-8 UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
      fi
    fi
    $sudo localedef -i "$l" -c -f UTF-8 "$l.UTF-8"
  fi
done

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top"
fi
meson compile -C "$build"
