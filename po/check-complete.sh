#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a translation is not complete:
#   1. po/LANG.po as it is has untranslated or fuzzy messages, or msgfmt --check
#      rejects it (for example a %s lost in a translation);
#   2. the sources listed in po/POTFILES.in hold messages that po/LANG.po does
#      not translate yet (the file is out of date with the sources).
# It prints the messages that are missing. po/update-zh_CN.sh merges them in.
#
# Usage: po/check-complete.sh [SOURCE_ROOT] [LANG]     (LANG defaults to zh_CN)

set -eu

here=$(cd "$(dirname "$0")" && pwd)
srcroot=$(cd "${1:-$here/..}" && pwd)
lang=${2:-zh_CN}
po=$srcroot/po/$lang.po

LC_ALL=C
export LC_ALL

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

status=0

# Prints the untranslated and the fuzzy entries of a .po file, locations included.
list_missing () {
  msgattrib --untranslated --no-obsolete --no-wrap "$1" | sed -n '/^#:/,$p'
  msgattrib --only-fuzzy --no-obsolete --no-wrap "$1" | sed -n '/^#:/,$p'
}

# "12 translated messages, 1 fuzzy translation, 2 untranslated messages."
is_complete () {
  case $1 in
    *fuzzy* | *untranslated*) return 1 ;;
    *) return 0 ;;
  esac
}

if [ ! -f "$po" ]; then
  echo "FAIL: $po does not exist; run po/update-zh_CN.sh"
  exit 1
fi

# 1. The file as it is.
if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
  printf '%s\n' "$stats"
  echo "FAIL: msgfmt --check rejects po/$lang.po"
  exit 1
fi
echo "po/$lang.po: $stats"
if ! is_complete "$stats"; then
  echo "FAIL: po/$lang.po has untranslated or fuzzy messages:"
  list_missing "$po"
  status=1
fi

# 2. Against the current sources.
sh "$here/make-pot.sh" "$srcroot" "$tmp/lianxin.pot"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/lianxin.pot"
merged=$(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "po/$lang.po merged with the sources: $merged"
if ! is_complete "$merged"; then
  echo "FAIL: po/$lang.po is out of date; these messages of the sources have no translation"
  echo "      (run po/update-zh_CN.sh, then translate them):"
  list_missing "$tmp/$lang.po"
  status=1
fi

obsolete=$(grep -c '^#~ msgid' "$tmp/$lang.po" || true)
if [ "$obsolete" -gt 0 ]; then
  echo "note: $obsolete translated message(s) are in no file of POTFILES.in (kept as obsolete \"#~\" entries;"
  echo "      msgmerge brings one back when its text appears in a listed file)"
fi

if [ "$status" -eq 0 ]; then
  echo "OK: po/$lang.po is complete and up to date"
fi
exit "$status"
