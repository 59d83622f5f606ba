#!/usr/bin/env bash
# The window made 800 px wide by a window manager (openbox) with real X
# requests (xdotool windowsize), then its width read back from the X
# server (xwininfo): 800 px, and the minimum size the window asks of the
# window manager (WM_NORMAL_HINTS) is at most 800 px. Then a tool key and
# clicks on the canvas still draw (a hairline point appears in the
# screenshot's pixels at the click), at 800 px.
#
# With HL_SCREENSHOT_DIR set, screenshots of the screen at 800 and
# 1400 px wide, light and dark (ADW_DEBUG_COLOR_SCHEME=prefer-dark), are
# left there to be looked at.
#
# Runs on its own X server and session bus (with-display.sh). Exit 77
# (skipped) without a display, openbox, xdotool, xwininfo, xprop or
# ImageMagick.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

app="$HL_BUILD_DIR/src/app/hairline-studio"
[ -n "${DISPLAY:-}" ] || { echo "no display: skipped"; exit 77; }
for tool in openbox xdotool xwininfo xprop import convert; do
  command -v "$tool" >/dev/null || { echo "no $tool: skipped"; exit 77; }
done

dir=$(mktemp -d)
pid=""
wm=""
cleanup () {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -n "$wm" ] && kill "$wm" 2>/dev/null && wait "$wm" 2>/dev/null
  [ -f "$dir/app.log" ] && cat "$dir/app.log" >&2
  rm -rf "$dir"
}
trap cleanup EXIT
export XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config"

openbox --sm-disable > "$dir/openbox.log" 2>&1 &
wm=$!
sleep 1
kill -0 "$wm" 2>/dev/null || { cat "$dir/openbox.log"; echo "openbox did not start"; exit 1; }

cp "$HL_SAMPLES_DIR/front-consultation.json" "$HL_SAMPLES_DIR/astronaut.png" "$dir/"

# start SCHEME: the application on the sample design; sets $win.
start () {
  (cd "$dir" && ADW_DEBUG_COLOR_SCHEME="$1" exec "$app" front-consultation.json 2>> "$dir/app.log") &
  pid=$!
  win=""
  for _ in $(seq 1 600); do   # up to 60 s on a loaded machine
    win=$(xdotool search --onlyvisible --pid "$pid" --name 'front-consultation' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  [ -n "$win" ] || { echo "the window did not appear"; exit 1; }
  sleep 1.5
}
stop () {
  xdotool windowactivate --sync "$win" 2>/dev/null || true
  xdotool key ctrl+q 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "the application did not quit"; exit 1; fi
  wait "$pid" || { echo "the application failed"; exit 1; }
  pid=""
}
# width: the window's width as the X server has it.
width () { xwininfo -id "$win" | awk '/^ *Width:/ { print $2 }'; }
# resize W H: asks the window manager for W × H and waits until the
# window has it (10 s at most); prints the width it got.
resize () {
  xdotool windowmove "$win" 0 0 windowsize "$win" "$1" "$2"
  for _ in $(seq 1 100); do
    [ "$(width)" = "$1" ] && break
    sleep 0.1
  done
  sleep 1
  width
}
shot () {
  [ -n "${HL_SCREENSHOT_DIR:-}" ] || return 0
  mkdir -p "$HL_SCREENSHOT_DIR"
  import -window root "$HL_SCREENSHOT_DIR/$1.png"
}

start default
w=$(resize 800 700)
echo "asked 800 px, the window is $w px wide"
[ "$w" = 800 ] || { echo "the window is not 800 px wide"; exit 1; }

# The smallest size the window accepts (program-specified minimum size).
min=$(xprop -id "$win" WM_NORMAL_HINTS | awk '/minimum size:/ { print $(NF-2) }')
echo "the window's minimum width: ${min:-none} px"
[ -n "$min" ] && [ "$min" -le 800 ] || { echo "the window asks more than 800 px"; exit 1; }
shot light-800

# Usable at that width: the hairline pen (H) places a point where the
# canvas is clicked. The canvas's middle, in screen coordinates.
eval "$(xdotool getwindowgeometry --shell "$win")"
cx=$((X + 400)); cy=$((Y + 330))
# With a window manager, keys go to the focused window (XTEST), as a
# user's do.
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
sleep 0.3
import -window root "$dir/before.png"
xdotool mousemove "$cx" "$cy"
sleep 0.3
xdotool key h
sleep 0.4
xdotool click 1
sleep 0.8
import -window root "$dir/after.png"
[ -n "${HL_SCREENSHOT_DIR:-}" ] && cp "$dir/before.png" "$dir/after.png" "$HL_SCREENSHOT_DIR/"
changed=$(convert "$dir/before.png" "$dir/after.png" -compose difference -composite \
  -crop "24x24+$((cx - 12))+$((cy - 12))" +repage -colorspace Gray -format '%[fx:maxima]' info:)
echo "change at the click: $changed"
awk -v a="$changed" 'BEGIN { exit !(a > 0.2) }' || { echo "a click on the canvas placed nothing"; exit 1; }
xdotool key Escape
sleep 0.3

w=$(resize 1400 760)
[ "$w" = 1400 ] || { echo "the window did not widen to 1400 px ($w)"; exit 1; }
shot light-1400
# Unsaved (the point was placed, then cancelled; the pen's Escape may
# leave an edit): Ctrl+Q would ask. Kill instead.
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

if [ -n "${HL_SCREENSHOT_DIR:-}" ]; then
  start prefer-dark
  resize 800 700 > /dev/null
  shot dark-800
  # The zone panel over the canvas (F9).
  xdotool windowactivate --sync "$win" 2>/dev/null || true
  xdotool key F9
  sleep 1
  shot dark-800-panel
  xdotool key F9
  sleep 0.5
  resize 1400 760 > /dev/null
  shot dark-1400
  stop
fi
echo "ok: the window is 800 px wide and draws"
