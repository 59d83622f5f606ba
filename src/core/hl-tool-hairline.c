/* hl-tool-hairline.c: the hairline pen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-edit.h"
#include "hl-tool-hairline.h"

typedef struct
{
  HlTool    parent;

  GArray   *points;       /* owned, of HlPoint: placed so far */
  HlPoint   pointer;      /* last pointer position, image px */
  gboolean  has_pointer;
} HlToolHairline;

static const HlToolClass hairline_class;

#define HAIRLINE(tool) ((HlToolHairline *) (tool))
#define IS_HAIRLINE(tool) ((tool) != NULL && (tool)->klass == &hairline_class)

static HlToolResult
clear (HlToolHairline *self)
{
  if (self->points->len == 0)
    return HL_TOOL_NOTHING;
  g_array_set_size (self->points, 0);
  return HL_TOOL_REDRAW;
}

static HlToolResult
finish (HlToolHairline *self)
{
  g_autoptr(HlCurve) curve = NULL;
  g_autoptr(HlDesign) design = NULL;
  HlToolResult result;

  if (self->points->len < 2)
    return HL_TOOL_NOTHING;

  curve = hl_curve_new ((const HlPoint *) (gpointer) self->points->data, self->points->len, FALSE);
  design = hl_edit_set_hairline (hl_history_get_current (self->parent.history), self->parent.view, curve);
  result = hl_tool_commit (&self->parent, design, "Draw hairline");
  clear (self);
  return result | HL_TOOL_REDRAW;
}

static HlToolResult
press (HlToolHairline    *self,
       const HlToolEvent *event)
{
  /* A double click finishes; its second press adds nothing. */
  if (event->n_press >= 2)
    return HL_TOOL_CAPTURED | finish (self);

  if (self->points->len > 0)
    {
      HlPoint last = g_array_index (self->points, HlPoint, self->points->len - 1);

      if (hl_point_distance (last, event->p) < 1e-6)
        return HL_TOOL_CAPTURED;
    }
  if (self->points->len >= HL_CURVE_MAX_POINTS)
    return HL_TOOL_CAPTURED;

  g_array_append_val (self->points, event->p);
  return HL_TOOL_CAPTURED | HL_TOOL_REDRAW;
}

static HlToolResult
hairline_event (HlTool            *tool,
                const HlToolEvent *event)
{
  HlToolHairline *self = HAIRLINE (tool);

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      self->pointer = event->p;
      self->has_pointer = TRUE;
      return press (self, event);

    case HL_TOOL_MOTION:
      self->pointer = event->p;
      self->has_pointer = TRUE;
      return self->points->len > 0 ? HL_TOOL_REDRAW : HL_TOOL_NOTHING;

    case HL_TOOL_RELEASE:
      return HL_TOOL_NOTHING;

    case HL_TOOL_CANCEL:
      return clear (self);

    case HL_TOOL_KEY:
      switch (event->key)
        {
        case HL_TOOL_KEY_ENTER:
          return finish (self);
        case HL_TOOL_KEY_BACKSPACE:
          if (self->points->len == 0)
            return HL_TOOL_NOTHING;
          g_array_set_size (self->points, self->points->len - 1);
          return HL_TOOL_REDRAW;
        case HL_TOOL_KEY_ESCAPE:
          return clear (self);
        default:
          return HL_TOOL_NOTHING;
        }

    default:
      return HL_TOOL_NOTHING;
    }
}

static void
hairline_draw_overlay (HlTool  *tool,
                       cairo_t *cr,
                       double   zoom)
{
  HlToolHairline *self = HAIRLINE (tool);
  const HlPoint *pts = (const HlPoint *) (gpointer) self->points->data;
  guint n = self->points->len;

  if (n == 0)
    return;

  if (n >= 2)
    {
      g_autoptr(HlCurve) curve = hl_curve_new (pts, n, FALSE);

      hl_tool_path_curve (cr, curve);
      cairo_set_line_width (cr, 2.0 / zoom);
      cairo_set_source_rgba (cr, 0.85, 0.15, 0.1, 0.95);
      cairo_stroke (cr);
    }

  if (self->has_pointer)
    hl_tool_draw_rubber_band (cr, zoom, pts[n - 1], self->pointer);

  for (guint i = 0; i < n; i++)
    hl_tool_draw_handle (cr, zoom, pts[i], i + 1 == n ? 2 : 0, FALSE);
}

static const char *
hairline_get_cursor (HlTool *tool)
{
  return "crosshair";
}

static void
hairline_init (HlTool *tool)
{
  HAIRLINE (tool)->points = g_array_new (FALSE, FALSE, sizeof (HlPoint));
}

static void
hairline_finalize (HlTool *tool)
{
  g_clear_pointer (&HAIRLINE (tool)->points, g_array_unref);
}

static const HlToolClass hairline_class = {
  .name = "hairline",
  .instance_size = sizeof (HlToolHairline),
  .event = hairline_event,
  .draw_overlay = hairline_draw_overlay,
  .get_cursor = hairline_get_cursor,
  .get_preview = NULL,
  .finalize = hairline_finalize,
  .init = hairline_init,
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
  HlToolHairline *self;

  g_return_val_if_fail (IS_HAIRLINE (tool), NULL);

  self = HAIRLINE (tool);
  if (n_points != NULL)
    *n_points = self->points->len;
  return (const HlPoint *) (gpointer) self->points->data;
}
