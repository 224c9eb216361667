#!/bin/sh
# Checks every translation listed in po/LINGUAS: msgfmt accepts it, with
# its format strings matching the English ones, and it translates every
# string of the current template, none of them fuzzy.
set -eu
top=${1:?source folder}
cd "$top/po"

# The template of the current sources, made as the tierline-pot target
# makes it.
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
xgettext --package-name=tierline --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
  --directory="$top" --files-from=POTFILES.in --output="$pot" 2>/dev/null

status=0
languages=$(sed -e 's/#.*//' LINGUAS | tr -s ' \n' '  ')
if [ -z "$(echo "$languages" | tr -d ' ')" ]; then
  echo "po/LINGUAS lists no language"
  exit 1
fi

for lang in $languages; do
  if ! msgfmt --check --check-format --check-header -o /dev/null "$lang.po"; then
    echo "$lang.po: msgfmt --check failed"
    status=1
    continue
  fi

  merged=$(mktemp)
  msgmerge --quiet --no-fuzzy-matching -o "$merged" "$lang.po" "$pot"
  untranslated=$(msgattrib --untranslated --no-obsolete "$merged" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$merged" | grep -c '^msgid ' || true)
  rm -f "$merged"

  # msgattrib prints the header entry too when anything is listed.
  if [ "$untranslated" -gt 1 ] || [ "$fuzzy" -gt 1 ]; then
    echo "$lang.po: $((untranslated > 0 ? untranslated - 1 : 0)) untranslated and" \
      "$((fuzzy > 0 ? fuzzy - 1 : 0)) fuzzy strings of the template"
    status=1
  else
    echo "$lang.po: complete"
  fi
done

exit $status
