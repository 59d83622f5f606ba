/* hl-tool-select.h: the tool that selects and moves points.
 *
 * Press on a control point of the hairline, a zone vertex, a landmark or
 * a point of the view's own scalp outline (not a head chart's built-in one)
 * and drag: every motion builds a preview design (sharing everything that
 * did not move) that the canvas can stipple and draw at once; release puts
 * it in the host as one undo step. Escape or a cancelled gesture puts
 * the point back. A press on no handle is not captured (the canvas pans),
 * but a press inside a zone selects that zone (the topmost, last in the
 * list). Keys act on the selected point: arrows nudge it one screen pixel
 * (a tenth with `fine`), DELETE removes it (a hairline keeps 2 points, a
 * zone 3; a landmark is unset), TOGGLE_CORNER makes it a corner or smooth
 * again. NEXT and PREVIOUS select the following or preceding point of the
 * view, in the order of hl_handle_step(), wrapping around: the keyboard
 * reaches every point without a pointer. A double click (n_press 2) on a
 * hairline or zone outline inserts a point there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-tool.h"

G_BEGIN_DECLS

typedef enum
{
  HL_HANDLE_NONE,
  HL_HANDLE_HAIRLINE,
  HL_HANDLE_ZONE,
  HL_HANDLE_LANDMARK,
  HL_HANDLE_OUTLINE,   /* a point of the view's own scalp outline */
} HlHandleKind;

typedef struct
{
  HlHandleKind kind;
  guint        zone;    /* HL_HANDLE_ZONE: zone index */
  guint        point;   /* control point index; HL_HANDLE_LANDMARK: the HlLandmark */
} HlHandle;

/* The class behind hl_tool_new_by_name ("select", ...) (static). */
const HlToolClass *hl_tool_select_class        (void);

/* The handle under the pointer, or the one being dragged. */
HlHandle           hl_tool_select_get_hover    (HlTool       *tool);
/* The handle the last press, nudge or insertion acted on. */
HlHandle           hl_tool_select_get_selected (HlTool       *tool);
gboolean           hl_tool_select_is_dragging  (HlTool       *tool);

/* The handle of @view at @p within @radius image px: hairline control
 * points, zone vertices, placed landmarks and the points of the view's own
 * scalp outline, nearest first; on a tie the hairline wins over zones,
 * zones over landmarks, landmarks over the outline, and a lower index over
 * a higher one. HL_HANDLE_NONE when none is that close. */
HlHandle           hl_handle_find              (const HlView *view,
                                                HlPoint       p,
                                                double        radius);
gboolean           hl_handle_equal             (HlHandle      a,
                                                HlHandle      b);
/* Where handle @h of @view is (image px): FALSE when @view has no such
 * handle. */
gboolean           hl_handle_get_position      (const HlView *view,
                                                HlHandle      h,
                                                HlPoint      *p);
/* The handle of @view after @from (@forward) or before it: the hairline's
 * points first to last, then each zone's vertices in list order, then the
 * placed landmarks in HlLandmark order, wrapping around. From
 * HL_HANDLE_NONE or a handle @view does not have: the first (@forward) or
 * the last. HL_HANDLE_NONE when @view has no handle at all. */
HlHandle           hl_handle_step              (const HlView *view,
                                                HlHandle      from,
                                                gboolean      forward);

G_END_DECLS
