/* hl-tool-pen.c: the path in progress of the hairline and zone pens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-tool-pen.h"

void
hl_tool_pen_init (HlTool *tool)
{
  g_return_if_fail (tool != NULL);
  HL_TOOL_PEN (tool)->points = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  HL_TOOL_PEN (tool)->corners = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

void
hl_tool_pen_finalize (HlTool *tool)
{
  g_return_if_fail (tool != NULL);
  g_clear_pointer (&HL_TOOL_PEN (tool)->points, g_array_unref);
  g_clear_pointer (&HL_TOOL_PEN (tool)->corners, g_array_unref);
}

HlToolResult
hl_tool_pen_clear (HlTool *tool)
{
  HlToolPen *pen;

  g_return_val_if_fail (tool != NULL, HL_TOOL_NOTHING);

  pen = HL_TOOL_PEN (tool);
  if (pen->points->len == 0)
    return HL_TOOL_NOTHING;
  g_array_set_size (pen->points, 0);
  g_array_set_size (pen->corners, 0);
  return HL_TOOL_REDRAW;
}

static HlToolResult
add_point (HlToolPen *pen,
           HlPoint    p,
           gboolean   corner)
{
  guint n;

  g_assert (pen != NULL);

  /* A press where the last point is (a press without moving) adds none. */
  n = pen->points->len;
  if (n > 0 && hl_point_distance (g_array_index (pen->points, HlPoint, n - 1), p) < 1e-6)
    return HL_TOOL_NOTHING;
  if (n >= HL_CURVE_MAX_POINTS)
    return HL_TOOL_NOTHING;

  corner = !!corner;
  g_array_append_val (pen->points, p);
  g_array_append_val (pen->corners, corner);
  return HL_TOOL_REDRAW;
}

HlToolResult
hl_tool_pen_event (HlTool            *tool,
                   const HlToolEvent *event,
                   HlToolPenFinish    finish)
{
  HlToolPen *pen;

  g_return_val_if_fail (tool != NULL, HL_TOOL_NOTHING);
  g_return_val_if_fail (event != NULL, HL_TOOL_NOTHING);
  g_return_val_if_fail (finish != NULL, HL_TOOL_NOTHING);

  pen = HL_TOOL_PEN (tool);
  switch (event->type)
    {
    case HL_TOOL_PRESS:
      /* A double click finishes; its second press adds nothing. */
      if (event->n_press >= 2)
        return HL_TOOL_CAPTURED | finish (tool);
      return HL_TOOL_CAPTURED | add_point (pen, event->p, event->corner);

    case HL_TOOL_MOTION:
      /* The rubber band follows the pointer. */
      return pen->points->len > 0 ? HL_TOOL_REDRAW : HL_TOOL_NOTHING;

    case HL_TOOL_CANCEL:
      return hl_tool_pen_clear (tool);

    case HL_TOOL_KEY:
      switch (event->key)
        {
        case HL_TOOL_KEY_ENTER:
          return finish (tool);
        case HL_TOOL_KEY_BACKSPACE:
          if (pen->points->len == 0)
            return HL_TOOL_NOTHING;
          g_array_set_size (pen->points, pen->points->len - 1);
          g_array_set_size (pen->corners, pen->corners->len - 1);
          return HL_TOOL_REDRAW;
        case HL_TOOL_KEY_ESCAPE:
          return hl_tool_pen_clear (tool);
        default:
          return HL_TOOL_NOTHING;
        }

    case HL_TOOL_RELEASE:
    default:
      return HL_TOOL_NOTHING;
    }
}

const HlPoint *
hl_tool_pen_get_points (HlTool *tool,
                        guint  *n_points)
{
  HlToolPen *pen;

  g_return_val_if_fail (tool != NULL, NULL);

  pen = HL_TOOL_PEN (tool);
  if (n_points != NULL)
    *n_points = pen->points->len;
  return (const HlPoint *) (gpointer) pen->points->data;
}

gboolean
hl_tool_pen_is_corner (HlTool *tool,
                       guint   index)
{
  HlToolPen *pen;

  g_return_val_if_fail (tool != NULL, FALSE);

  pen = HL_TOOL_PEN (tool);
  return index < pen->corners->len && g_array_index (pen->corners, gboolean, index);
}

HlCurve *
hl_tool_pen_new_curve (HlTool   *tool,
                       gboolean  closed)
{
  HlToolPen *pen;

  g_return_val_if_fail (tool != NULL, NULL);

  pen = HL_TOOL_PEN (tool);
  return hl_curve_new_full ((const HlPoint *) (gpointer) pen->points->data,
                            (const gboolean *) (gpointer) pen->corners->data,
                            pen->points->len, closed);
}
