/* hl-tool-hairline.h: the hairline pen.
 *
 * Each press adds a control point (the press is captured); a rubber band
 * follows the pointer from the last point. BACKSPACE removes the last
 * point; ENTER or a double click (the second press of which adds no point)
 * finishes a line of two points or more as one undo step that replaces
 * the view's hairline; ESCAPE or HL_TOOL_CANCEL abandons the points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-tool.h"

G_BEGIN_DECLS

/* The class behind hl_tool_new_by_name ("hairline", ...) (static). */
const HlToolClass *hl_tool_hairline_class      (void);

/* The points placed so far (borrowed, valid until the next event), their
 * number in *@n_points. */
const HlPoint     *hl_tool_hairline_get_points (HlTool  *tool,
                                                guint   *n_points);

G_END_DECLS
