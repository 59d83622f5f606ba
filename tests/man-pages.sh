#!/usr/bin/env bash
# hairline(1) and hairline-studio(1): groff formats them without a
# warning, and hairline(1) names every command and every long option the
# built program's --help lists.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

command -v groff >/dev/null || { echo "no groff: skipped"; exit 77; }
page="$HL_BUILD_DIR/src/cli/hairline.1"
status=0

for p in "$page" "$HL_SOURCE_DIR/data/hairline-studio.1"; do
  warnings=$(groff -man -ww -z -Tutf8 "$p" 2>&1) || true
  if [ -n "$warnings" ]; then
    echo "FAIL: $p: $warnings" >&2
    status=1
  else
    echo "ok: $p formats cleanly"
  fi
done

# Plain text: no SGR escapes, no overstruck bold or underline (col -b is
# not on every machine).
text=$(groff -man -Tascii -P-cbou "$page" 2>/dev/null)
commands=$(LC_ALL=C.UTF-8 "$HAIRLINE" --help | sed -n '/^Commands:/,/^$/{/^  /{s/^ *\([^ ]*\).*/\1/;p}}')
[ -n "$commands" ] || { echo "FAIL: no commands in hairline --help" >&2; exit 1; }
for c in $commands; do
  grep -q -- "hairline \[OPTION.*\] $c" <<<"$text" ||
    { echo "FAIL: hairline(1) has no section for $c" >&2; status=1; continue; }
  for o in $(LC_ALL=C.UTF-8 "$HAIRLINE" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$o" <<<"$text" || { echo "FAIL: hairline(1) lacks $c $o" >&2; status=1; }
  done
  echo "ok: hairline(1) covers $c"
done
exit $status
