# Where the canvas shows its photo on the screen, read from a screenshot,
# so that scripts driving the window with the pointer do not depend on the
# width of the tool column, the panel or the header bar. Sourced by the
# xdotool tests.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# The canvas's background around a photo (light style), as ImageMagick
# writes colours.
canvas_bg="#2B2B2B"

# photo_columns SHOT Y: the first and last screen columns of the photo on
# row Y of screenshot SHOT: the first run of canvas background from the
# left, then what follows it up to the next background.
photo_columns () {
  convert "$1" -crop "4000x1+0+$2" +repage txt:- |
    awk -v bg="$canvas_bg" 'NR > 1 {
      split ($1, a, ","); x = a[1]; h = $3
      if (s == 0 && h == bg) s = 1
      else if (s == 1 && h != bg) { l = x; s = 2 }
      else if (s == 2 && h == bg) { print l, x - 1; found = 1; exit }
    }
    END { if (!found) exit 1 }'
}

# colour_box SHOT COLOUR: the bounding box (W H X Y) of the pixels of
# SHOT that have COLOUR (within 3 %).
colour_box () {
  convert "$1" -fuzz 3% -fill black +opaque "$2" -fill white -opaque "$2" \
    -bordercolor black -border 1 -trim -format '%w %h %X %Y\n' info: |
    awk '{ sub (/^\+/, "", $3); sub (/^\+/, "", $4); print $1, $2, $3 - 1, $4 - 1 }'
}
