/* hl-tool-handles.h: the tool that moves control points.
 *
 * Press on a hairline or zone control point and drag: every motion builds a
 * new design value (sharing everything that did not move) that the canvas
 * can stipple and draw at once; release puts it in the history as one
 * undo step. Escape or a cancelled gesture puts the point back. Arrow keys
 * nudge the selected point by one screen pixel (a tenth with `fine`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-history.h"
#include "hl-tool.h"

G_BEGIN_DECLS


typedef enum
{
  HL_HANDLE_NONE,
  HL_HANDLE_HAIRLINE,
  HL_HANDLE_ZONE,
} HlHandleKind;

typedef struct
{
  HlHandleKind kind;
  guint        zone;    /* HL_HANDLE_ZONE: zone index */
  guint        point;   /* control point index */
} HlHandle;

typedef struct _HlToolHandles HlToolHandles;

/* A tool editing view @view of the history's designs. @history is
 * borrowed and must outlive the tool. Returns a new tool (transfer full). */
HlToolHandles *hl_tool_handles_new         (HlHistory           *history,
                                            guint                view);
void           hl_tool_handles_free        (HlToolHandles       *tool);

HlToolResult   hl_tool_handles_event       (HlToolHandles       *tool,
                                            const HlToolEvent   *event);
/* The design to show: the drag preview while dragging, else the history's
 * current one (borrowed). */
HlDesign      *hl_tool_handles_get_design  (HlToolHandles       *tool);
/* The point under the pointer, or the one being dragged. */
HlHandle       hl_tool_handles_get_hover   (HlToolHandles       *tool);
/* The point the last press or nudge acted on. */
HlHandle       hl_tool_handles_get_selected (HlToolHandles      *tool);
gboolean       hl_tool_handles_is_dragging (HlToolHandles       *tool);

/* The control point of @design at @p within @radius image px, nearest
 * first, hairline before zones on ties. */
HlHandle       hl_handle_find              (const HlView        *view,
                                            HlPoint              p,
                                            double               radius);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlToolHandles, hl_tool_handles_free)

G_END_DECLS
