#!/bin/sh
# Checks the manual page: groff formats it without a warning, and it
# documents every long option that `tierline --help` prints.
# Usage: check-man-page.sh TIERLINE MAN_PAGE
set -eu
tierline=$1
page=$2
status=0

if command -v groff >/dev/null 2>&1; then
  warnings=$(groff -man -ww -z "$page" 2>&1)
  if [ -n "$warnings" ]; then
    echo "groff warns about $page:"
    echo "$warnings"
    status=1
  fi
else
  echo "groff not found: the formatting of $page is not checked (install groff-base)"
fi

# The page writes a dash in an option as "\-".
options=$(LC_ALL=C "$tierline" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u)
if [ -z "$options" ]; then
  echo "tierline --help printed no long option"
  exit 1
fi
for option in $options; do
  escaped=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
  if ! grep -q -- "$escaped" "$page"; then
    echo "$option is in tierline --help but not in $page"
    status=1
  fi
done

exit $status
