/* hl-tool-handles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-tool-handles.h"

struct _HlToolHandles
{
  HlHistory *history;     /* borrowed */
  guint      view;

  HlHandle   hover;
  HlHandle   selected;

  gboolean   dragging;
  HlPoint    press;       /* where the drag started, image px */
  HlPoint    origin;      /* the point's position then */
  HlDesign  *preview;     /* owned ref while dragging and moved, else NULL */
};

static const HlHandle no_handle = { HL_HANDLE_NONE, 0, 0 };

static gboolean
handle_equal (HlHandle a,
              HlHandle b)
{
  return a.kind == b.kind && a.zone == b.zone && a.point == b.point;
}

HlHandle
hl_handle_find (const HlView *view,
                HlPoint       p,
                double        radius)
{
  HlHandle best = no_handle;
  double best_d = radius;

  g_return_val_if_fail (view != NULL, best);

  if (view->hairline != NULL)
    {
      const HlPoint *pts = hl_curve_get_points (view->hairline);

      for (guint i = 0; i < hl_curve_get_n_points (view->hairline); i++)
        {
          double d = hl_point_distance (p, pts[i]);

          if (d <= best_d && (best.kind == HL_HANDLE_NONE || d < best_d))
            {
              best = (HlHandle) { HL_HANDLE_HAIRLINE, 0, i };
              best_d = d;
            }
        }
    }

  for (guint z = 0; z < view->zones->len; z++)
    {
      const HlCurve *outline = ((HlZone *) g_ptr_array_index (view->zones, z))->boundary;
      const HlPoint *pts = hl_curve_get_points (outline);

      for (guint i = 0; i < hl_curve_get_n_points (outline); i++)
        {
          double d = hl_point_distance (p, pts[i]);

          if (d < best_d || (best.kind == HL_HANDLE_NONE && d <= best_d))
            {
              best = (HlHandle) { HL_HANDLE_ZONE, z, i };
              best_d = d;
            }
        }
    }

  return best;
}

static const HlView *
current_view (HlToolHandles *self)
{
  HlDesign *design = hl_tool_handles_get_design (self);

  if (self->view >= hl_design_get_n_views (design))
    return NULL;
  return hl_design_get_view (design, self->view);
}

static gboolean
handle_position (const HlView *view,
                 HlHandle      h,
                 HlPoint      *p)
{
  const HlCurve *curve = NULL;

  if (h.kind == HL_HANDLE_HAIRLINE)
    curve = view->hairline;
  else if (h.kind == HL_HANDLE_ZONE && h.zone < view->zones->len)
    curve = ((HlZone *) g_ptr_array_index (view->zones, h.zone))->boundary;

  if (curve == NULL || h.point >= hl_curve_get_n_points (curve))
    return FALSE;

  *p = hl_curve_get_points (curve)[h.point];
  return TRUE;
}

/* A new design: @base with handle @h of view @view_index at @p (transfer
 * full). Everything else is shared with @base. */
static HlDesign *
design_with_point (HlDesign *base,
                   guint     view_index,
                   HlHandle  h,
                   HlPoint   p)
{
  const HlView *view = hl_design_get_view (base, view_index);
  g_autoptr(HlView) new_view = hl_view_copy (view);
  HlDesign *design = hl_design_copy (base);

  if (h.kind == HL_HANDLE_HAIRLINE)
    {
      g_autoptr(HlCurve) curve = hl_curve_with_point (view->hairline, h.point, p);

      hl_view_set_hairline (new_view, curve);
    }
  else
    {
      const HlZone *zone = g_ptr_array_index (view->zones, h.zone);
      g_autoptr(HlCurve) curve = hl_curve_with_point (zone->boundary, h.point, p);
      g_autoptr(HlZone) new_zone = hl_zone_copy (zone);

      hl_zone_set_boundary (new_zone, curve);
      hl_view_replace_zone (new_view, h.zone, new_zone);
    }

  hl_design_replace_view (design, view_index, new_view);
  return design;
}

static const char *
label_for (HlHandle h)
{
  return h.kind == HL_HANDLE_HAIRLINE ? "Move hairline point" : "Move zone point";
}

HlToolHandles *
hl_tool_handles_new (HlHistory *history,
                     guint      view)
{
  HlToolHandles *self;

  g_return_val_if_fail (history != NULL, NULL);

  self = g_new0 (HlToolHandles, 1);
  self->history = history;
  self->view = view;
  self->hover = no_handle;
  self->selected = no_handle;
  return self;
}

void
hl_tool_handles_free (HlToolHandles *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->preview, hl_design_unref);
  g_free (self);
}

HlDesign *
hl_tool_handles_get_design (HlToolHandles *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->preview != NULL ? self->preview : hl_history_get_current (self->history);
}

HlHandle
hl_tool_handles_get_hover (HlToolHandles *self)
{
  g_return_val_if_fail (self != NULL, no_handle);
  return self->hover;
}

HlHandle
hl_tool_handles_get_selected (HlToolHandles *self)
{
  g_return_val_if_fail (self != NULL, no_handle);
  return self->selected;
}

gboolean
hl_tool_handles_is_dragging (HlToolHandles *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->dragging;
}

static HlToolResult
end_drag (HlToolHandles *self,
          gboolean       commit)
{
  HlToolResult result = HL_TOOL_NOTHING;

  if (!self->dragging)
    return result;

  self->dragging = FALSE;
  if (self->preview != NULL)
    {
      if (commit && hl_history_push (self->history, self->preview, label_for (self->selected)))
        result |= HL_TOOL_COMMITTED;
      g_clear_pointer (&self->preview, hl_design_unref);
      result |= HL_TOOL_REDRAW;
    }

  return result;
}

static HlToolResult
nudge (HlToolHandles     *self,
       const HlToolEvent *event)
{
  const HlView *view = current_view (self);
  double step = (event->fine ? 0.1 : 1.0) / event->zoom;
  HlPoint p;
  g_autoptr(HlDesign) moved = NULL;

  if (view == NULL || self->dragging || !handle_position (view, self->selected, &p))
    return HL_TOOL_NOTHING;

  switch (event->key)
    {
    case HL_TOOL_KEY_LEFT: p.x -= step; break;
    case HL_TOOL_KEY_RIGHT: p.x += step; break;
    case HL_TOOL_KEY_UP: p.y -= step; break;
    case HL_TOOL_KEY_DOWN: p.y += step; break;
    default: return HL_TOOL_NOTHING;
    }

  moved = design_with_point (hl_history_get_current (self->history), self->view, self->selected, p);
  hl_history_push (self->history, moved, label_for (self->selected));
  return HL_TOOL_REDRAW | HL_TOOL_COMMITTED;
}

HlToolResult
hl_tool_handles_event (HlToolHandles     *self,
                       const HlToolEvent *event)
{
  const HlView *view;
  HlHandle hit;

  g_return_val_if_fail (self != NULL, HL_TOOL_NOTHING);
  g_return_val_if_fail (event != NULL, HL_TOOL_NOTHING);

  if (event->type != HL_TOOL_KEY && event->type != HL_TOOL_CANCEL &&
      (!hl_point_is_finite (event->p) || !(event->zoom > 0.0)))
    return HL_TOOL_NOTHING;
  if (event->type == HL_TOOL_KEY && !(event->zoom > 0.0))
    return HL_TOOL_NOTHING;

  view = current_view (self);
  if (view == NULL)
    return HL_TOOL_NOTHING;

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      hit = hl_handle_find (view, event->p, HL_HANDLE_RADIUS / event->zoom);
      if (hit.kind == HL_HANDLE_NONE)
        return HL_TOOL_NOTHING;
      self->selected = hit;
      self->hover = hit;
      self->dragging = TRUE;
      self->press = event->p;
      handle_position (view, hit, &self->origin);
      return HL_TOOL_REDRAW;

    case HL_TOOL_MOTION:
      if (self->dragging)
        {
          HlPoint p = { self->origin.x + event->p.x - self->press.x,
                        self->origin.y + event->p.y - self->press.y };
          HlDesign *next = design_with_point (hl_history_get_current (self->history),
                                              self->view, self->selected, p);

          g_clear_pointer (&self->preview, hl_design_unref);
          self->preview = next;
          return HL_TOOL_REDRAW | HL_TOOL_PREVIEW;
        }
      hit = hl_handle_find (view, event->p, HL_HANDLE_RADIUS / event->zoom);
      if (handle_equal (hit, self->hover))
        return HL_TOOL_NOTHING;
      self->hover = hit;
      return HL_TOOL_CURSOR | HL_TOOL_REDRAW;

    case HL_TOOL_RELEASE:
      return end_drag (self, TRUE);

    case HL_TOOL_CANCEL:
      return end_drag (self, FALSE);

    case HL_TOOL_KEY:
      if (event->key == HL_TOOL_KEY_ESCAPE)
        return end_drag (self, FALSE);
      return nudge (self, event);

    default:
      return HL_TOOL_NOTHING;
    }
}
