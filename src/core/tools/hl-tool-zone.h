/* hl-tool-zone.h: the zone pen.
 *
 * Each press adds a vertex (the press is captured); a rubber band follows
 * the pointer. With three vertices or more, ENTER, a double click, or a
 * press on the first vertex (within HL_HANDLE_RADIUS screen px) closes the
 * outline: a new zone of the tool's kind, with that kind's defaults (or
 * the practitioner's, hl_tool_zone_set_defaults()), a
 * fresh seed and a name such as "Frontal band" or "Mid-scalp 2", is added
 * as one undo step and becomes the selected zone (HL_TOOL_SELECTION).
 * BACKSPACE removes the last vertex; ESCAPE or HL_TOOL_CANCEL abandons the
 * outline.
 *
 * The scalp outline pen ("outline") places and closes its path the same
 * way; the closed path becomes the view's own scalp outline
 * (hl_view_get_scalp_outline(): no dot outside it), replacing the one it
 * had or its head chart's, as one undo step. A path that crosses itself
 * does not close (it is drawn red) until a point is moved or removed.
 * hl_tool_zone_can_close() and hl_tool_zone_get_points() serve both pens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-tool.h"
#include "hl-zone-defaults.h"

G_BEGIN_DECLS

/* The class behind hl_tool_new_by_name ("zone", ...) (static). */
const HlToolClass *hl_tool_zone_class        (void);
/* The class behind hl_tool_new_by_name ("outline", ...) (static). */
const HlToolClass *hl_tool_outline_class     (void);

/* The kind of the zones the pen makes (HL_ZONE_FRONTAL at first). */
void               hl_tool_zone_set_kind     (HlTool      *tool,
                                              HlZoneKind   kind);
HlZoneKind         hl_tool_zone_get_kind     (HlTool      *tool);
/* The practitioner's defaults new zones start with (borrowed: read each
 * time a zone closes, so it must stay valid while the tool lives; NULL,
 * the initial value: the built-in defaults of the kind). */
void               hl_tool_zone_set_defaults (HlTool               *tool,
                                              const HlZoneDefaults *defaults);
/* The vertices placed so far (borrowed, valid until the next event). */
const HlPoint     *hl_tool_zone_get_points   (HlTool      *tool,
                                              guint       *n_points);
/* TRUE when the pointer is over the first vertex and a press there would
 * close the outline. */
gboolean           hl_tool_zone_can_close    (HlTool      *tool);

G_END_DECLS
