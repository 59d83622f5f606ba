#!/usr/bin/env bash
# The design file type, as the desktop sees it: shared-mime-info (our
# package compiled by update-mime-database into a data folder of its own)
# types *.hairline and a .json design as application/x-hairline-design and
# other JSON as application/json; the launcher claims the design type and
# photos but not JSON; the thumbnailer's own command line, run as a file
# manager runs it, writes a PNG preview of the requested size, also for a
# design whose photo it cannot reach.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

id=org.hairlinestudio.HairlineStudio
type=application/x-hairline-design
status=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail () { echo "FAIL: $*" >&2; status=1; }

# The launcher.
desktop="$HL_BUILD_DIR/data/$id.desktop"
if [ -f "$desktop" ]; then
  mimes=$(sed -n 's/^MimeType=//p' "$desktop")
  grep -q "\(^\|;\)$type;" <<<"$mimes" || fail "the launcher does not claim $type: $mimes"
  grep -q "application/json" <<<"$mimes" && fail "the launcher claims application/json: $mimes"
  for t in image/jpeg image/png image/heif image/heic; do
    grep -q "$t;" <<<"$mimes" || fail "the launcher does not claim $t"
  done
  grep -qx 'DBusActivatable=true' "$desktop" || fail "the launcher is not DBusActivatable"
  echo "ok: the launcher claims: $mimes"
fi

# Types, as GIO guesses them with our package installed.
if command -v update-mime-database >/dev/null && command -v gio >/dev/null; then
  mkdir -p "$dir/data/mime/packages"
  cp "$HL_SOURCE_DIR/data/$id.mime.xml" "$dir/data/mime/packages/$id.xml"
  update-mime-database "$dir/data/mime"
  cp "$HL_SAMPLES_DIR/front-consultation.json" "$dir/design.json"
  cp "$HL_SAMPLES_DIR/front-consultation.json" "$dir/design.hairline"
  echo '{"name": "not a design", "values": [1, 2, 3]}' > "$dir/other.json"
  guess () { XDG_DATA_HOME="$dir/data" gio info -a standard::content-type "$dir/$1" | sed -n 's/.*content-type: //p'; }
  for f in design.json design.hairline; do
    got=$(guess "$f")
    [ "$got" = "$type" ] || fail "$f is typed $got, not $type"
  done
  got=$(guess other.json)
  [ "$got" = application/json ] || fail "other.json is typed $got, not application/json"
  echo "ok: design.json and design.hairline are $type, other.json application/json"
else
  echo "no update-mime-database or gio: file types not checked"
fi

# The thumbnailer, run by its own Exec line.
thumbnailer="$HL_BUILD_DIR/data/hairline.thumbnailer"
exec_line=$(sed -n 's/^Exec=//p' "$thumbnailer")
try_exec=$(sed -n 's/^TryExec=//p' "$thumbnailer")
grep -qx "MimeType=$type;" "$thumbnailer" || fail "the thumbnailer is not for $type"
read -r program args <<<"$exec_line"
[ "$program" = "$try_exec" ] || fail "TryExec ($try_exec) is not the program run ($program)"
[ "$(basename "$program")" = hairline ] || fail "the thumbnailer runs $program"
mkdir "$dir/alone"
cp "$HL_SAMPLES_DIR/front-consultation.json" "$dir/alone/design.hairline"   # its photo not beside it
for case in "$HL_SAMPLES_DIR/front-consultation.json:256" "$dir/alone/design.hairline:128" \
            "$HL_SAMPLES_DIR/head-chart-consultation.json:128"; do
  input=${case%:*}
  size=${case##*:}
  out="$dir/thumb-$size-$RANDOM"   # as file managers name it: no .png
  cmd=${args//%s/$size}
  cmd=${cmd//%i/$input}
  cmd=${cmd//%o/$out}
  # shellcheck disable=SC2086
  "$HAIRLINE" $cmd || { fail "the thumbnailer failed on $input"; continue; }
  read -r w h sd <<<"$(identify -format '%w %h %[fx:standard_deviation]' "png:$out")"
  [ "$((w > h ? w : h))" -eq "$size" ] || fail "$input: a ${w}x$h preview for size $size"
  awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "$input: a flat preview (sd $sd)"
  echo "ok: $(basename "$input") previewed at ${w}x$h (sd $sd)"
done

exit $status
