/* hl-tool-zone.c: the zone pen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-edit.h"
#include "hl-tool-zone.h"

typedef struct
{
  HlTool      parent;

  HlZoneKind  kind;
  GArray     *points;       /* owned, of HlPoint: vertices placed so far */
  HlPoint     pointer;      /* last pointer position, image px */
  gboolean    has_pointer;
  double      zoom;         /* of the last pointer event */
} HlToolZone;

static const HlToolClass zone_class;

#define ZONE(tool) ((HlToolZone *) (tool))
#define IS_ZONE(tool) ((tool) != NULL && (tool)->klass == &zone_class)

static HlToolResult
clear (HlToolZone *self)
{
  if (self->points->len == 0)
    return HL_TOOL_NOTHING;
  g_array_set_size (self->points, 0);
  return HL_TOOL_REDRAW;
}

static gboolean
near_first (HlToolZone *self,
            HlPoint     p,
            double      zoom)
{
  g_assert (zoom > 0.0);

  return self->points->len > 0 &&
         hl_point_distance (p, g_array_index (self->points, HlPoint, 0)) <= HL_HANDLE_RADIUS / zoom;
}

static HlToolResult
close_zone (HlToolZone *self)
{
  const HlView *view = hl_tool_get_current_view (&self->parent);
  g_autoptr(HlCurve) outline = NULL;
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) design = NULL;
  g_autofree char *name = NULL;
  HlZoneParams params;
  HlToolResult result;
  guint index;

  g_assert (view != NULL);

  if (self->points->len < 3 || hl_view_get_n_zones (view) >= HL_VIEW_MAX_ZONES)
    return HL_TOOL_NOTHING;

  outline = hl_curve_new ((const HlPoint *) (gpointer) self->points->data, self->points->len, TRUE);
  hl_zone_params_init_for_kind (&params, self->kind);
  params.seed = hl_edit_new_zone_seed (view);
  name = hl_edit_new_zone_name (view, self->kind);
  zone = hl_zone_new (name, self->kind, outline, &params);
  index = hl_view_get_n_zones (view);
  design = hl_edit_add_zone (hl_history_get_current (self->parent.history), self->parent.view, zone);

  result = hl_tool_commit (&self->parent, design, "Add zone");
  clear (self);
  if (result & HL_TOOL_COMMITTED)
    {
      self->parent.selected_zone = (int) index;
      result |= HL_TOOL_SELECTION;
    }
  return result | HL_TOOL_REDRAW;
}

static HlToolResult
press (HlToolZone        *self,
       const HlToolEvent *event)
{
  /* A double click closes; its second press adds nothing. */
  if (event->n_press >= 2)
    return HL_TOOL_CAPTURED | close_zone (self);

  /* A press on the first vertex closes, or is ignored while there are too
   * few vertices to close. */
  if (near_first (self, event->p, event->zoom))
    {
      if (self->points->len >= 3)
        return HL_TOOL_CAPTURED | close_zone (self);
      return HL_TOOL_CAPTURED;
    }

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
zone_event (HlTool            *tool,
            const HlToolEvent *event)
{
  HlToolZone *self = ZONE (tool);

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      self->pointer = event->p;
      self->has_pointer = TRUE;
      self->zoom = event->zoom;
      return press (self, event);

    case HL_TOOL_MOTION:
      {
        gboolean could_close = hl_tool_zone_can_close (tool);

        self->pointer = event->p;
        self->has_pointer = TRUE;
        self->zoom = event->zoom;
        if (self->points->len == 0)
          return HL_TOOL_NOTHING;
        return HL_TOOL_REDRAW | (could_close != hl_tool_zone_can_close (tool) ? HL_TOOL_CURSOR : 0);
      }

    case HL_TOOL_RELEASE:
      return HL_TOOL_NOTHING;

    case HL_TOOL_CANCEL:
      return clear (self);

    case HL_TOOL_KEY:
      switch (event->key)
        {
        case HL_TOOL_KEY_ENTER:
          return close_zone (self);
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
zone_draw_overlay (HlTool  *tool,
                   cairo_t *cr,
                   double   zoom)
{
  HlToolZone *self = ZONE (tool);
  const HlPoint *pts = (const HlPoint *) (gpointer) self->points->data;
  guint n = self->points->len;

  if (n == 0)
    return;

  if (n >= 2)
    {
      g_autoptr(HlCurve) shape = hl_curve_new (pts, n, n >= 3);

      hl_tool_path_curve (cr, shape);
      if (n >= 3)
        {
          cairo_set_source_rgba (cr, 0.1, 0.55, 0.95, 0.15);
          cairo_fill_preserve (cr);
        }
      cairo_set_line_width (cr, 2.0 / zoom);
      cairo_set_source_rgba (cr, 0.1, 0.55, 0.95, 0.95);
      cairo_stroke (cr);
    }

  if (self->has_pointer && !hl_tool_zone_can_close (tool))
    {
      hl_tool_draw_rubber_band (cr, zoom, pts[n - 1], self->pointer);
      if (n >= 2)
        hl_tool_draw_rubber_band (cr, zoom, self->pointer, pts[0]);
    }

  for (guint i = 0; i < n; i++)
    hl_tool_draw_handle (cr, zoom, pts[i], i == 0 && hl_tool_zone_can_close (tool) ? 1 : 0, FALSE);
}

static const char *
zone_get_cursor (HlTool *tool)
{
  return hl_tool_zone_can_close (tool) ? "pointer" : "crosshair";
}

static void
zone_init (HlTool *tool)
{
  ZONE (tool)->kind = HL_ZONE_FRONTAL;
  ZONE (tool)->points = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  ZONE (tool)->zoom = 1.0;
}

static void
zone_finalize (HlTool *tool)
{
  g_clear_pointer (&ZONE (tool)->points, g_array_unref);
}

static const HlToolClass zone_class = {
  .name = "zone",
  .instance_size = sizeof (HlToolZone),
  .event = zone_event,
  .draw_overlay = zone_draw_overlay,
  .get_cursor = zone_get_cursor,
  .get_preview = NULL,
  .finalize = zone_finalize,
  .init = zone_init,
};

const HlToolClass *
hl_tool_zone_class (void)
{
  return &zone_class;
}

void
hl_tool_zone_set_kind (HlTool     *tool,
                       HlZoneKind  kind)
{
  g_return_if_fail (IS_ZONE (tool));
  g_return_if_fail (kind <= HL_ZONE_CUSTOM);

  ZONE (tool)->kind = kind;
}

HlZoneKind
hl_tool_zone_get_kind (HlTool *tool)
{
  g_return_val_if_fail (IS_ZONE (tool), HL_ZONE_FRONTAL);
  return ZONE (tool)->kind;
}

const HlPoint *
hl_tool_zone_get_points (HlTool *tool,
                         guint  *n_points)
{
  HlToolZone *self;

  g_return_val_if_fail (IS_ZONE (tool), NULL);

  self = ZONE (tool);
  if (n_points != NULL)
    *n_points = self->points->len;
  return (const HlPoint *) (gpointer) self->points->data;
}

gboolean
hl_tool_zone_can_close (HlTool *tool)
{
  HlToolZone *self;

  g_return_val_if_fail (IS_ZONE (tool), FALSE);

  self = ZONE (tool);
  return self->has_pointer && self->points->len >= 3 && near_first (self, self->pointer, self->zoom);
}
