#!/bin/sh
# Checks the Flatpak manifest against the meson build, without building
# it. The manifest must be valid JSON, its app id must be the project's,
# and its command must be the binary that meson installs. Meson must
# install every file that its finish-args (a path under /app) or rename-*
# options name, and the desktop file, metainfo and icon that Flatpak
# exports under the app id.
# Usage: check-flatpak.sh MANIFEST MESON BUILD_DIR APP_ID PREFIX BINDIR
set -eu
manifest=$1
meson=$2
build=$3
app_id=$4
prefix=$5
bindir=$6

python3 -m json.tool "$manifest" >/dev/null || {
  echo "not valid JSON: $manifest"
  exit 1
}

installed=$(mktemp "${TMPDIR:-/tmp}/tierline-installed-XXXXXX")
trap 'rm -f "$installed"' EXIT
"$meson" introspect --installed "$build" >"$installed"

python3 - "$manifest" "$installed" "$app_id" "$prefix" "$bindir" <<'EOF'
import fnmatch
import json
import posixpath
import sys

manifest_path, installed_path, app_id, prefix, bindir = sys.argv[1:]

with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)
with open(installed_path, encoding="utf-8") as f:
    destinations = json.load(f).values()

# Installed files relative to the prefix, which is /app in a Flatpak.
installed = {posixpath.relpath(d, prefix) for d in destinations}
failures = []


def check(ok, message):
    print(("ok: " if ok else "not ok: ") + message)
    if not ok:
        failures.append(message)


def is_installed(pattern):
    """Whether a file, or a folder holding files, matches the pattern."""
    return any(fnmatch.fnmatch(path, pattern) or path.startswith(pattern + "/")
               for path in installed)


manifest_id = manifest.get("app-id", manifest.get("id"))
check(manifest_id == app_id, f"app id {manifest_id} is the meson app id {app_id}")

binary = posixpath.relpath(posixpath.join(prefix, bindir), prefix)
command = manifest.get("command", "")
check(posixpath.join(binary, command) in installed,
      f"command {command} is installed in {binary}")

# What Flatpak exports must be named by the app id.
for pattern in (f"share/applications/{app_id}.desktop",
                f"share/metainfo/{app_id}.metainfo.xml",
                f"share/icons/hicolor/*/apps/{app_id}.svg"):
    check(is_installed(pattern), f"{pattern} is installed")

renames = {
    "rename-desktop-file": "share/applications/{}",
    "rename-appdata-file": "share/metainfo/{}",
    "rename-icon": "share/icons/hicolor/*/apps/{}.*",
}
for module in manifest.get("modules", []):
    if not isinstance(module, dict):
        continue
    for option, pattern in renames.items():
        if option in module:
            path = pattern.format(module[option])
            check(is_installed(path), f"{option} of {module.get('name')}: {path} is installed")

for arg in manifest.get("finish-args", []):
    for word in arg.replace("=", " ").replace(":", " ").split():
        if word.startswith("/app/"):
            path = word[len("/app/"):].rstrip("/")
            check(is_installed(path), f"{arg}: {word} is installed")

sys.exit(1 if failures else 0)
EOF
