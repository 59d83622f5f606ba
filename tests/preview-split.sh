#!/usr/bin/env bash
# The before/after split line, dragged with real X pointer events
# (xdotool): Ctrl+B shows before | after split at the canvas's middle; a
# drag moves the line, and what lay between its old and new place turns
# from "before" (the photo alone) to "after" (dots). Screenshots of the
# X screen (ImageMagick's import) are read back with ImageMagick.
#
# The photo (1000 × 700 px) fills the canvas's width; where it lies on the
# screen is read from a screenshot (its flat skin colour,
# canvas-geometry.sh), and every position follows from it.
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

# Screen geometry of the photo: X0 Y0 its top left, S screen px per
# image px; the zone's left part (image x 80–560, y 120–600) has dots.
. "$(dirname "$0")/canvas-geometry.sh"
import -window root "$dir/start.png"
read -r pw ph px py < <(colour_box "$dir/start.png" '#d9b59b') || { echo "no photo on the canvas"; exit 1; }
echo "the photo shows at ${pw}x${ph}+${px}+${py}"
# scr X Y: the screen point of image point X Y.
scr () { awk -v x0="$px" -v y0="$py" -v s="$(( pw ))" -v x="$1" -v y="$2" \
           'BEGIN { s /= 1000; printf "%d %d\n", x0 + s * x + 0.5, y0 + s * y + 0.5 }'; }
# rect X Y W H: the screen rectangle (W x H + X + Y) of an image rectangle.
rect () { read -r a b < <(scr "$1" "$2"); read -r c d < <(scr "$(( $1 + $3 ))" "$(( $2 + $4 ))")
          echo "$(( c - a ))x$(( d - b ))+$a+$b"; }
read -r mid _ < <(scr 500 0)      # the canvas's middle: the photo fills its width
read -r _ line_y < <(scr 0 60)     # high on the photo, above the zone (the
                                  # "Start the design" card covers its foot)
read -r _ upper < <(scr 0 250)    # inside the zone

# Darkest grey (0–1) in a screen rectangle of a screenshot.
darkest () { convert "$1" -crop "$2" +repage -colorspace Gray -format '%[fx:minima]' info:; }
# Lightest grey (0–1) of the three screen pixels centred on X Y: the line's
# white core is two pixels wide between dark edges, and where it lands
# within a pixel of the point the image maps to depends on the canvas's size.
grey_at () { convert "$1" -crop "3x1+$(( $2 - 1 ))+$3" +repage -colorspace Gray -format '%[fx:maxima]' info:; }
below () { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

xdotool key --window "$win" ctrl+b
sleep 0.8
import -window root "$dir/before-drag.png"

# The line starts at the canvas's middle (image x 500); the strip left of
# it, inside the zone (image x 240–400, y 160–520), is "before": no dots.
strip=$(rect 240 160 160 360)
d=$(darkest "$dir/before-drag.png" "$strip")
echo "strip $strip before the drag: darkest grey $d"
below 0.6 "$d" || { echo "dots left of the line at the middle (darkest grey $d)"; exit 1; }
# Right of the line, the dots.
d=$(darkest "$dir/before-drag.png" "$(rect 510 160 40 360)")
below "$d" 0.45 || { echo "no dots right of the line (darkest grey $d)"; exit 1; }
line=$(grey_at "$dir/before-drag.png" "$mid" "$line_y")
below 0.9 "$line" || { echo "no split line at the middle (grey $line)"; exit 1; }

# Drag the line to image x 220 with the primary button (left of the strip).
read -r to _ < <(scr 220 0)
xdotool mousemove "$mid" "$upper" mousedown 1
for i in 1 2 3 4 5 6; do xdotool mousemove $(( mid + (to - mid) * i / 6 )) $(( upper + 2 )); sleep 0.05; done
xdotool mouseup 1
sleep 0.8
import -window root "$dir/after-drag.png"

d=$(darkest "$dir/after-drag.png" "$strip")
echo "strip after the drag: darkest grey $d"
below "$d" 0.45 || { echo "no dots right of the moved line (darkest grey $d)"; exit 1; }
line=$(grey_at "$dir/after-drag.png" "$to" "$line_y")
below 0.9 "$line" || { echo "the line is not where it was dragged (grey $line)"; exit 1; }
# Left of it, still the photo alone.
d=$(darkest "$dir/after-drag.png" "$(rect 90 160 80 360)")
below 0.6 "$d" || { echo "dots left of the moved line (darkest grey $d)"; exit 1; }

xdotool key --window "$win" ctrl+q 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "the application did not quit"; exit 1; fi
wait "$pid" || { echo "the application failed"; exit 1; }
pid=""
echo "ok: the split line followed the pointer"
