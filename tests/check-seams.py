#!/usr/bin/python3
"""Checks, independently of the engine's code, that the dots `hairline dots`
writes for the sample design have no hole along the border its frontal band
shares with its mid-scalp zone: the largest empty circle centred near that
border is at most 1.2 × the hexagonal spacing of the lower of the two
densities, and the dots near the border are as dense as the lower zone at
least. The border is where the two outlines share control points; circles
are centred within 3 mm of it and clear of the zones' other edges (which
blend out on purpose) and of the view's scalp outline (past which no dot
lies). Python's standard library only."""
import csv
import io
import json
import math
import os
import subprocess
import sys

top = os.environ.get("HL_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
hairline = os.environ.get("HAIRLINE", "hairline")
design_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, "data", "samples", "front-consultation.json")
A, B = 0, 1     # zone indices in view 0
BAND_MM = 3.0   # circles centred this close to the border

design = json.load(open(design_path, encoding="utf-8"))
view = design["views"][0]
mm = view["calibration"]["mm_per_px"]
za, zb = view["zones"][A], view["zones"][B]
da, db = za["density"], zb["density"]

def spacing_px(density):
    return math.sqrt(2.0 / (math.sqrt(3.0) * density / 100.0)) / mm

out = subprocess.run([hairline, "dots", design_path], check=True, capture_output=True, text=True).stdout
dots = [(float(r["x"]), float(r["y"])) for r in csv.DictReader(io.StringIO(out))]

pa = [tuple(p) for p in za["boundary"]]
pb = [tuple(p) for p in zb["boundary"]]
shared = [p for p in pb if p in pa]
# Edges of each outline's control polygon that are not shared: the free edges.
def edges(poly):
    return [(poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly))]
free = [e for e in edges(pa) + edges(pb) if not (e[0] in shared and e[1] in shared)]
# The scalp outline is an edge too: no dot lies past it, on purpose.
if view.get("scalp_outline"):
    free += edges([tuple(p) for p in view["scalp_outline"]])
border = [(shared[i], shared[i + 1]) for i in range(len(shared) - 1)]

def seg_dist(p, a, b):
    ax, ay = a; bx, by = b; px, py = p
    dx, dy = bx - ax, by - ay
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = min(1.0, max(0.0, t))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

s_low = spacing_px(min(da, db))
band = BAND_MM / mm
clear = max(za["edge_blend_mm"], zb["edge_blend_mm"]) / mm + 2.0 * s_low

# Dots on a grid of cells of one spacing.
cell = s_low
grid = {}
for x, y in dots:
    grid.setdefault((math.floor(x / cell), math.floor(y / cell)), []).append((x, y))

def nearest(p, limit):
    cx, cy = math.floor(p[0] / cell), math.floor(p[1] / cell)
    r = int(math.ceil(limit / cell))
    best = limit
    for gy in range(cy - r, cy + r + 1):
        for gx in range(cx - r, cx + r + 1):
            for q in grid.get((gx, gy), ()):
                d = math.hypot(q[0] - p[0], q[1] - p[1])
                if d < best:
                    best = d
    return best

xs = [p[0] for p in shared]; ys = [p[1] for p in shared]
step = s_low / 8.0
worst, worst_at, n_centres = 0.0, None, 0
y = min(ys) - band
while y <= max(ys) + band:
    x = min(xs) - band
    while x <= max(xs) + band:
        p = (x, y)
        if min(seg_dist(p, a, b) for a, b in border) <= band and \
           min(seg_dist(p, a, b) for a, b in free) >= clear:
            n_centres += 1
            r = nearest(p, 4.0 * s_low)
            if r > worst:
                worst, worst_at = r, p
        x += step
    y += step

# Dots within the band (clear of free edges), per cm² of the band's area
# (counted on the same centre grid).
in_band = [q for q in dots
           if min(seg_dist(q, a, b) for a, b in border) <= band and
              min(seg_dist(q, a, b) for a, b in free) >= clear]
band_cm2 = n_centres * (step * mm / 10.0) ** 2
density = len(in_band) / band_cm2 if band_cm2 > 0 else 0.0

ratio = worst / s_low
print("1..3")
print("# %d dots; border of %d shared points; %d centres within %.1f mm of it" % (len(dots), len(shared), n_centres, BAND_MM))
print("# largest empty circle %.2f px at (%.1f, %.1f) = %.2f x the spacing at %g/cm2 (%.2f px)"
      % (worst, worst_at[0], worst_at[1], ratio, min(da, db), s_low))
print("# dots near the border: %.1f/cm2 (zones: %g and %g/cm2)" % (density, da, db))
ok = n_centres > 100
print(("ok" if ok else "not ok") + " 1 - the border region is measured (%d centres)" % n_centres)
ok = ratio <= 1.2
print(("ok" if ok else "not ok") + " 2 - no empty circle over 1.2 x spacing across the border (%.2f)" % ratio)
ok2 = density >= 0.9 * min(da, db)
print(("ok" if ok2 else "not ok") + " 3 - no density dip at the border (%.1f/cm2)" % density)
