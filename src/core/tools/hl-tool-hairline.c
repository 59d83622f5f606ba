/* hl-tool-hairline.c: the hairline pen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hl-edit.h"
#include "hl-tool-hairline.h"
#include "hl-tool-pen.h"

/* The tool is an HlToolPen: it keeps nothing of its own. */
static const HlToolClass hairline_class;

#define IS_HAIRLINE(tool) ((tool) != NULL && (tool)->klass == &hairline_class)

/* An open curve of two points or more replaces the view's hairline. */
static HlToolResult
finish (HlTool *tool)
{
  g_autoptr(HlCurve) curve = NULL;
  g_autoptr(HlDesign) design = NULL;
  HlToolResult result;

  if (HL_TOOL_PEN (tool)->points->len < 2)
    return HL_TOOL_NOTHING;

  curve = hl_tool_pen_new_curve (tool, FALSE);
  design = hl_edit_set_hairline (hl_tool_get_current_design (tool), tool->view, curve);
  result = hl_tool_commit (tool, design, _("Draw hairline"));
  hl_tool_pen_clear (tool);
  return result | HL_TOOL_REDRAW;
}

static HlToolResult
hairline_event (HlTool            *tool,
                const HlToolEvent *event)
{
  return hl_tool_pen_event (tool, event, finish);
}

static void
hairline_draw_overlay (HlTool  *tool,
                       cairo_t *cr,
                       double   zoom)
{
  guint n;
  const HlPoint *pts = hl_tool_pen_get_points (tool, &n);

  if (n == 0)
    return;

  if (n >= 2)
    {
      g_autoptr(HlCurve) curve = hl_tool_pen_new_curve (tool, FALSE);

      /* As the finished hairline is drawn: red on a white edge. */
      hl_tool_path_curve (cr, curve);
      cairo_set_line_width (cr, 4.0 / zoom);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 2.0 / zoom);
      cairo_set_source_rgb (cr, 0.75, 0.12, 0.08);
      cairo_stroke (cr);
    }

  if (tool->has_pointer)
    hl_tool_draw_rubber_band (cr, zoom, pts[n - 1], tool->pointer);

  for (guint i = 0; i < n; i++)
    hl_tool_draw_handle (cr, zoom, pts[i], i + 1 == n ? 2 : 0, hl_tool_pen_is_corner (tool, i));
}

static const char *
hairline_get_cursor (HlTool *tool)
{
  return "crosshair";
}

static const HlToolClass hairline_class = {
  .name = "hairline",
  .instance_size = sizeof (HlToolPen),
  .event = hairline_event,
  .draw_overlay = hairline_draw_overlay,
  .get_cursor = hairline_get_cursor,
  .get_preview = NULL,
  .finalize = hl_tool_pen_finalize,
  .init = hl_tool_pen_init,
};

const HlToolClass *
hl_tool_hairline_class (void)
{
  return &hairline_class;
}

const HlPoint *
hl_tool_hairline_get_points (HlTool *tool,
                             guint  *n_points)
{
  g_return_val_if_fail (IS_HAIRLINE (tool), NULL);
  return hl_tool_pen_get_points (tool, n_points);
}
