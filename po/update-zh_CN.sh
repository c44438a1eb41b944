#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Brings po/zh_CN.po up to date with the sources listed in po/POTFILES.in and
# lists the messages that still need a translation. Translate them (no
# "#, fuzzy" may stay), then run po/check-complete.sh.
#
# Messages that left the sources stay in the file as obsolete "#~" entries;
# msgmerge brings them back if the same text returns.
#
# Usage: po/update-zh_CN.sh [SOURCE_ROOT] [LANG]       (LANG defaults to zh_CN)

set -eu

here=$(cd "$(dirname "$0")" && pwd)
srcroot=$(cd "${1:-$here/..}" && pwd)
lang=${2:-zh_CN}
po=$srcroot/po/$lang.po

LC_ALL=C
export LC_ALL

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

sh "$here/make-pot.sh" "$srcroot" "$tmp/lianxin.pot"

if [ -f "$po" ]; then
  msgmerge --quiet --update --no-fuzzy-matching --backup=none "$po" "$tmp/lianxin.pot"
else
  msginit --no-translator --locale="$lang.UTF-8" --input="$tmp/lianxin.pot" --output-file="$po"
fi

msgfmt --check --statistics -o /dev/null "$po"
missing=$(msgattrib --untranslated --no-obsolete --no-wrap "$po" | sed -n '/^#:/,$p')
fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | sed -n '/^#:/,$p')
if [ -n "$missing$fuzzy" ]; then
  echo "To translate in po/$lang.po:"
  printf '%s\n' "$missing"
  [ -z "$fuzzy" ] || printf '%s\n' "$fuzzy"
else
  echo "po/$lang.po: nothing to translate"
fi
