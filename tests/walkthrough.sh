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
# Exit 77 (skipped) without a display or xdotool.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

app="$HL_BUILD_DIR/src/app/hairline-studio"
cli="$HAIRLINE"
[ -n "${DISPLAY:-}" ] || { echo "no display: skipped"; exit 77; }
command -v xdotool >/dev/null || { echo "no xdotool: skipped"; exit 77; }

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
click () { xdotool mousemove "$1" "$2" click 1; sleep 0.35; }

# The photo (512 px) fills the canvas's height: screen = 50 + 1.28 × image
# x, 52 + 1.28 × image y.
key r
xdotool mousemove 309 181 mousedown 1
for x in 320 335 350 367; do xdotool mousemove "$x" 184; sleep 0.05; done
xdotool mouseup 1
sleep 0.8
key ctrl+a
xdotool type --window "$win" 63
key Return

key l
click 338 170

key h
click 265 178; click 275 130; click 338 112; click 400 130; click 410 178
key Return

key z
click 268 182; click 270 80; click 408 80; click 408 182
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
