#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the message template (.pot) of the files listed in po/POTFILES.in.
# Entries that do not exist yet (sources still being written) are skipped
# with a warning, where `ninja lianxin-pot` would stop.
#
# The keywords and flags are those of meson's i18n.gettext(preset: 'glib'),
# plus Q_, so the template matches the one meson makes. xgettext 0.21 picks
# the language of .c, .ui, .desktop(.in) and ITS-described XML (metainfo,
# gschema, GtkBuilder) from the file name by itself.
#
# Usage: po/make-pot.sh [SOURCE_ROOT] [OUTPUT.pot]

set -eu

here=$(cd "$(dirname "$0")" && pwd)
srcroot=$(cd "${1:-$here/..}" && pwd)
out=${2:-$srcroot/po/lianxin.pot}

list=$(mktemp)
trap 'rm -f "$list"' EXIT INT TERM

# The same syntax xgettext -f reads: one path a line, '#' starts a comment line.
sed -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$srcroot/po/POTFILES.in" |
while IFS= read -r entry; do
  case $entry in
    '' | '#'*) continue ;;
  esac
  if [ -f "$srcroot/$entry" ]; then
    printf '%s\n' "$entry"
  else
    echo "warning: $entry is listed in po/POTFILES.in but does not exist yet; skipped" >&2
  fi
done > "$list"

xgettext \
  --package-name=lianxin \
  --msgid-bugs-address=https://github.com/lianxin/lianxin/issues \
  --directory="$srcroot" \
  --files-from="$list" \
  --output="$out" \
  --from-code=UTF-8 \
  --add-comments \
  --sort-by-file \
  --keyword=_ \
  --keyword=N_ \
  --keyword=Q_ \
  --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format \
  --flag=g_prefix_error:2:c-format \
  --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format \
  --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format
