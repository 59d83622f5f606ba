/* hl-tool-brush.h: placing and erasing dots by hand.
 *
 * Two tools share this file:
 * - "brush" adds single dots: one at the press and, while dragging, one
 *   every dot spacing (10 mm / √density) of the zone under the pointer.
 *   A dot takes the dot size, the last session's shade and the last
 *   session of the zone under the pointer (else the selected zone, else a
 *   zone's defaults: 0.25 mm); a stylus (has_pressure) scales its
 *   diameter by 0.5 + pressure.
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
