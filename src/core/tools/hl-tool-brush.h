/* hl-tool-brush.h: placing and erasing dots by hand.
 *
 * Two tools share this file:
 * - "brush" stipples: a stroke lays blue-noise dots inside its footprint
 *   (a disc of the brush radius around every point of the stroke; a stylus
 *   (has_pressure) scales the radius by 0.5 + 0.5 × pressure) at the
 *   density of the zone under each dot (else the selected zone's, else a
 *   zone's defaults: 60 dots/cm²). A dot takes that zone's dot size and
 *   its last session's shade, varied by the zone's size and shade spread
 *   as the engine varies its own dots (hl-dot-style.h), and that session.
 *   No dot lands closer than 0.8 × the local spacing (10 mm / √density)
 *   to a dot of the view (the engine's, as it places them when the stroke
 *   starts, and the hand-placed ones) or to one of the stroke's own: over
 *   a filled zone a stroke adds only where the engine left room. The dots come from one ranked plane per
 *   view (the design seed and the densest zone's density, rounded up as
 *   the engine rounds its reference), thinned by rank to the local
 *   density: the same events give the same dots, a second pass over the
 *   same place adds none, and strokes that meet continue one pattern. A
 *   press whose footprint catches no dot of the plane (a brush smaller
 *   than the spacing) places one dot at the press point, spacing allowing.
 * - "eraser" removes derived dots within the brush's radius along the
 *   stroke, one removal every half radius.
 * A stroke (press … release) is one undo step of manual edits, shown as a
 * preview while it lasts; ESCAPE or HL_TOOL_CANCEL abandon it. The radius
 * is in screen px (HL_BRUSH_DEFAULT_RADIUS at first); GROW and SHRINK scale
 * it by 1.25 within [HL_BRUSH_MIN_RADIUS, HL_BRUSH_MAX_RADIUS].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-tool.h"

G_BEGIN_DECLS

#define HL_BRUSH_DEFAULT_RADIUS 12.0
#define HL_BRUSH_MIN_RADIUS 2.0
#define HL_BRUSH_MAX_RADIUS 200.0
/* Dots one stroke may place or erasures it may make. */
#define HL_BRUSH_MAX_STROKE 20000

/* The classes behind hl_tool_new_by_name ("brush" and "eraser") (static). */
const HlToolClass *hl_tool_brush_class       (void);
const HlToolClass *hl_tool_eraser_class      (void);

/* The radius in screen px, of a brush or an eraser. */
double             hl_tool_brush_get_radius  (HlTool   *tool);
/* Sets it, clamped to the range. */
void               hl_tool_brush_set_radius  (HlTool   *tool,
                                              double    radius);
/* Edits of the stroke in progress (0 between strokes). */
guint              hl_tool_brush_get_n_pending (HlTool *tool);

G_END_DECLS
