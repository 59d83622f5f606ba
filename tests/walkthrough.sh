#!/usr/bin/env bash
# A new client's design from a photo alone, as a practitioner makes it:
# the real application under X, driven by real key presses and clicks
# (xdotool), then the saved file checked with the hairline command.
#
#   R, drag from pupil to pupil, type 63, Enter     calibrate
#   L, click between the brows                      glabella
#   H, click five points across the forehead, Enter the hairline
#   Z, click four points, Enter                     a zone
#   Ctrl+S, Ctrl+Q
#
# Positions assume the window's default size at the screen's top left
# (no window manager, as under xvfb-run -s "-screen 0 1280x800x24"); the
# checks allow for a few pixels of difference in the layout.
#
# Exit 77 (skipped) without a display, xdotool or ImageMagick.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

app="$HL_BUILD_DIR/src/app/hairline-studio"
cli="$HAIRLINE"
[ -n "${DISPLAY:-}" ] || { echo "no display: skipped"; exit 77; }
command -v xdotool >/dev/null || { echo "no xdotool: skipped"; exit 77; }
for tool in import convert; do
  command -v "$tool" >/dev/null || { echo "no $tool: skipped"; exit 77; }
done

dir=$(mktemp -d)
pid=""
trap 'rm -rf "$dir"' EXIT
cp "$HL_SAMPLES_DIR/astronaut.png" "$dir/"
sha=$(sha256sum "$dir/astronaut.png" | cut -d' ' -f1)
cat > "$dir/client.json" <<EOF
{"format": "hairline-studio-design", "version": 2, "engine_version": 1, "seed": 7,
 "views": [{"name": "front",
            "photo": {"path": "astronaut.png", "sha256": "$sha", "width": 512, "height": 512}}]}
EOF

# A data folder of its own: no recovery copies of other runs to offer.
export XDG_DATA_HOME="$dir/data"
(cd "$dir" && exec "$app" client.json 2> "$dir/app.log") &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; cat "$dir/app.log" >&2; rm -rf "$dir"' EXIT

win=""
for _ in $(seq 1 600); do   # up to 60 s on a loaded machine
  win=$(xdotool search --onlyvisible --pid "$pid" --name 'Hairline Studio$' 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || { echo "the window did not appear"; exit 1; }
sleep 1.5

key () { xdotool key --window "$win" "$@"; sleep 0.4; }

# The photo (512 px) fills the canvas's height, from the header bar's
# bottom (y 52) down; where its columns lie is read from a screenshot
# (canvas-geometry.sh): screen = left + scale × image x, 52 + scale ×
# image y. at X Y prints the screen point of image point X Y.
. "$(dirname "$0")/canvas-geometry.sh"
import -window root "$dir/start.png"
read -r left right < <(photo_columns "$dir/start.png" 400) || { echo "no photo on the canvas"; exit 1; }
scale=$(awk -v l="$left" -v r="$right" 'BEGIN { print (r - l + 1) / 512 }')
echo "the photo spans columns $left–$right: $scale screen px per image px"
at () { awk -v l="$left" -v s="$scale" -v x="$1" -v y="$2" 'BEGIN { printf "%d %d", l + s * x + 0.5, 52 + s * y + 0.5 }'; }
click () { xdotool mousemove $(at "$1" "$2") click 1; sleep 0.35; }

key r
xdotool mousemove $(at 202.3 100.8) mousedown 1
for x in 210.9 222.7 234.4 247.7; do xdotool mousemove $(at "$x" 103.1); sleep 0.05; done
xdotool mouseup 1
sleep 0.8
key ctrl+a
xdotool type --window "$win" 63
key Return

key l
click 225 92.2

key h
click 168 98.4; click 175.8 60.9; click 225 46.9; click 273.4 60.9; click 281.25 98.4
key Return

key z
click 170.3 101.6; click 171.9 21.9; click 279.7 21.9; click 279.7 101.6
key Return

key ctrl+s
for _ in $(seq 1 50); do
  grep -q '"zones"' "$dir/client.json" && break
  sleep 0.1
done
sleep 1   # the file is renamed into place before the window learns it is saved
# The window is gone before the key is released: xdotool may say so.
xdotool key --window "$win" ctrl+q 2>/dev/null || true
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "Ctrl+Q did not quit a saved design"
  exit 1
fi
wait "$pid" || { echo "the application failed"; exit 1; }

"$cli" validate "$dir/client.json"
"$cli" stats --json "$dir/client.json" > "$dir/stats.json"
python3 - "$dir/client.json" "$dir/stats.json" <<'EOF'
import json, sys
design = json.load(open(sys.argv[1]))
stats = json.load(open(sys.argv[2]))
view = design["views"][0]
def check(ok, what):
    if not ok:
        sys.exit("walkthrough: " + what)
check(view["calibration"]["source"] == "ruler", "calibrated with the ruler")
check(view["calibration"]["reference"]["length_mm"] == 63, "63 mm typed")
check(abs(view["calibration"]["mm_per_px"] - 1.40) < 0.35, "about 1.4 mm/px")
check("glabella" in view.get("landmarks", {}), "the glabella placed")
check(len(view["hairline"]) == 5, "a hairline of five points")
check(len(view["zones"]) == 1 and len(view["zones"][0]["boundary"]) == 4, "one zone of four points")
zone = stats["views"][0]["zones"][0]
check(zone["dots"] > 1000, "the zone filled with dots (%d)" % zone["dots"])
print("walkthrough: %.3f mm/px, hairline of 5 points, zone of %.1f cm² with %d dots"
      % (view["calibration"]["mm_per_px"], zone["area_cm2"], zone["dots"]))
EOF
