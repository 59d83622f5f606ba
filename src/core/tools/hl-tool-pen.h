/* hl-tool-pen.h: what the two pens (hairline, zone) share.
 *
 * A pen places a point with each press (the press is captured) unless it
 * is where the last point already is, or the path is full; a press with
 * `corner` set places a corner point (hl-curve.h); a rubber band
 * follows the pointer from the last point. BACKSPACE removes the last
 * point, ESCAPE and HL_TOOL_CANCEL abandon them all, and ENTER or a double
 * click (the second press of which adds no point) finishes the path.
 *
 * A pen's struct starts with an HlToolPen, its class uses
 * hl_tool_pen_init and hl_tool_pen_finalize (or calls them), and its event
 * function hands events to hl_tool_pen_event() with the function that
 * finishes its path: what it commits is all that differs. Only tool
 * implementations include this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-tool.h"

G_BEGIN_DECLS

typedef struct
{
  HlTool  parent;

  GArray *points;   /* owned, of HlPoint: placed so far */
  GArray *corners;  /* owned, of gboolean: one per point */
} HlToolPen;

#define HL_TOOL_PEN(tool) ((HlToolPen *) (tool))

/* Commits the path when it can (else returns HL_TOOL_NOTHING and keeps
 * it) and clears it. */
typedef HlToolResult (*HlToolPenFinish) (HlTool *tool);

/* For HlToolClass.init and .finalize: the points. */
void           hl_tool_pen_init       (HlTool            *tool);
void           hl_tool_pen_finalize   (HlTool            *tool);
/* Handles @event as above, calling @finish for ENTER and a double click. */
HlToolResult   hl_tool_pen_event      (HlTool            *tool,
                                       const HlToolEvent *event,
                                       HlToolPenFinish    finish);
/* Abandons the points: HL_TOOL_REDRAW, or HL_TOOL_NOTHING when there
 * were none. */
HlToolResult   hl_tool_pen_clear      (HlTool            *tool);
/* The points placed so far (borrowed, valid until the next event), their
 * number in *@n_points (may be NULL). */
const HlPoint *hl_tool_pen_get_points (HlTool            *tool,
                                       guint             *n_points);
/* Whether point @index was placed as a corner. */
gboolean       hl_tool_pen_is_corner  (HlTool            *tool,
                                       guint              index);
/* A curve through the points, with their corners, closed if @closed
 * (transfer full). */
HlCurve       *hl_tool_pen_new_curve  (HlTool            *tool,
                                       gboolean           closed);

G_END_DECLS
