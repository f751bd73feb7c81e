#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translation.sh SOURCE_DIR LANG — the translation covers every string
# the sources have today: extract a fresh template, merge, and count.
set -eu
top=$1
lang=$2
for tool in xgettext msgmerge msgfmt; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top"
grep -v '^#' po/POTFILES.in | grep . >"$work/files"
# The same keywords and flags as meson's glib preset.
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --files-from="$work/files" --output="$work/oc3.pot" 2>"$work/xgettext.log" &&
  sed -i "s/charset=CHARSET/charset=UTF-8/" "$work/oc3.pot" ||
  { cat "$work/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$work/oc3.pot" -o "$work/merged.po"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/merged.po" 2>&1)
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/$lang.po is incomplete: run 'meson compile -C _build oc3-update-po' and translate"; exit 1 ;;
esac
LC_ALL=C msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1 | grep -q fuzzy &&
  { echo "po/$lang.po has fuzzy entries"; exit 1; }
exit 0
