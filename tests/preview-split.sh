#!/usr/bin/env bash
# The before/after split line, dragged with real X pointer events
# (xdotool): Ctrl+B shows before | after split at the canvas's middle; a
# drag moves the line, and what lay between its old and new place turns
# from "before" (the photo alone) to "after" (dots). Screenshots of the
# X screen (ImageMagick's import) are read back with ImageMagick.
#
# Positions assume the window's default size at the screen's top left (no
# window manager, as under xvfb-run -s "-screen 0 1280x800x24"): the canvas
# spans about x 5–750, y 52–708, the photo (1000 × 700 px) fills its width.
#
# Exit 77 (skipped) without a display, xdotool or ImageMagick.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

app="$HL_BUILD_DIR/src/app/hairline-studio"
[ -n "${DISPLAY:-}" ] || { echo "no display: skipped"; exit 77; }
for tool in xdotool import convert; do
  command -v "$tool" >/dev/null || { echo "no $tool: skipped"; exit 77; }
done

dir=$(mktemp -d)
pid=""
trap 'rm -rf "$dir"' EXIT

# A flat skin photo at 0.1 mm/px and one uniform zone in its left half:
# 0.3 mm dots are 3 px, plain to see.
convert -size 1000x700 xc:'#d9b59b' "$dir/skin.png"
sha=$(sha256sum "$dir/skin.png" | cut -d' ' -f1)
cat > "$dir/plan.json" <<JSON
{"format": "hairline-studio-design", "version": 2, "engine_version": 1, "seed": 3,
 "views": [{"name": "front",
   "photo": {"path": "skin.png", "sha256": "$sha", "width": 1000, "height": 700},
   "calibration": {"source": "manual", "mm_per_px": 0.1, "uncertainty": 0.02},
   "zones": [{"name": "Crown", "kind": "crown",
     "boundary": [[80, 120], [560, 120], [560, 600], [80, 600]], "boundary_corners": [0, 1, 2, 3],
     "density": 60, "follows_hairline": false, "edge_blend_mm": 0, "dot_mm": 0.3}]}]}
JSON

export XDG_DATA_HOME="$dir/data"
(cd "$dir" && exec "$app" plan.json 2> "$dir/app.log") &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; cat "$dir/app.log" >&2; rm -rf "$dir"' EXIT

win=""
for _ in $(seq 1 600); do   # up to 60 s on a loaded machine
  win=$(xdotool search --onlyvisible --pid "$pid" --name 'plan.json' 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || { echo "the window did not appear"; exit 1; }
sleep 1.5

# Darkest grey (0–1) in a screen rectangle of a screenshot.
darkest () { convert "$1" -crop "$2" +repage -colorspace Gray -format '%[fx:minima]' info:; }
# Grey (0–1) of one screen pixel.
grey_at () { convert "$1" -crop "1x1+$2+$3" +repage -colorspace Gray -format '%[fx:maxima]' info:; }
below () { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

xdotool key --window "$win" ctrl+b
sleep 0.8
import -window root "$dir/before-drag.png"

# The line starts at the canvas's middle (x ≈ 377); the strip left of it,
# inside the zone (x ≈ 65–422, y ≈ 209–530), is "before": no dots.
strip="120x260+240+220"
d=$(darkest "$dir/before-drag.png" "$strip")
echo "strip before the drag: darkest grey $d"
below 0.6 "$d" || { echo "dots left of the line at the middle (darkest grey $d)"; exit 1; }
# Right of the line, the dots.
d=$(darkest "$dir/before-drag.png" "30x260+385+220")
below "$d" 0.45 || { echo "no dots right of the line (darkest grey $d)"; exit 1; }
line=$(grey_at "$dir/before-drag.png" 377 690)
below 0.9 "$line" || { echo "no split line at the middle (grey $line)"; exit 1; }

# Drag the line 150 px to the left with the primary button.
xdotool mousemove 377 300 mousedown 1
for x in 350 320 290 260 240 227; do xdotool mousemove "$x" 302; sleep 0.05; done
xdotool mouseup 1
sleep 0.8
import -window root "$dir/after-drag.png"

d=$(darkest "$dir/after-drag.png" "$strip")
echo "strip after the drag: darkest grey $d"
below "$d" 0.45 || { echo "no dots right of the moved line (darkest grey $d)"; exit 1; }
line=$(grey_at "$dir/after-drag.png" 227 690)
below 0.9 "$line" || { echo "the line is not where it was dragged (grey $line)"; exit 1; }
# Left of it, still the photo alone.
d=$(darkest "$dir/after-drag.png" "100x260+100+220")
below 0.6 "$d" || { echo "dots left of the moved line (darkest grey $d)"; exit 1; }

xdotool key --window "$win" ctrl+q 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "the application did not quit"; exit 1; fi
wait "$pid" || { echo "the application failed"; exit 1; }
pid=""
echo "ok: the split line followed the pointer"
