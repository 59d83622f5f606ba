/* hl-tool-zone.c: the zone pen, and the scalp outline pen that closes
 * its path the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hl-edit.h"
#include "hl-tool-pen.h"
#include "hl-tool-zone.h"
#include "hl-zone-defaults.h"

typedef struct
{
  HlToolPen   pen;

  double      zoom;         /* of the last PRESS or MOTION */
  gboolean    could_close;  /* hl_tool_zone_can_close() after the last event */
} HlToolZone;

static const HlToolClass zone_class;
static const HlToolClass outline_class;

#define ZONE(tool) ((HlToolZone *) (tool))
#define IS_ZONE(tool) ((tool) != NULL && (tool)->klass == &zone_class)
#define IS_CLOSING_PEN(tool) ((tool) != NULL && ((tool)->klass == &zone_class || (tool)->klass == &outline_class))

static gboolean
near_first (HlToolZone *self,
            HlPoint     p,
            double      zoom)
{
  g_assert (zoom > 0.0);

  return self->pen.points->len > 0 &&
         hl_point_distance (p, g_array_index (self->pen.points, HlPoint, 0)) <= HL_HANDLE_RADIUS / zoom;
}

/* An outline of three vertices or more becomes a new zone, selected. */
static HlToolResult
close_zone (HlTool *tool)
{
  HlToolZone *self = ZONE (tool);
  const HlView *view = hl_tool_get_current_view (tool);
  g_autoptr(HlCurve) outline = NULL;
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) design = NULL;
  g_autofree char *name = NULL;
  HlZoneParams params;
  HlToolResult result;
  guint index;

  g_assert (view != NULL);

  if (self->pen.points->len < 3 || hl_view_get_n_zones (view) >= HL_VIEW_MAX_ZONES)
    return HL_TOOL_NOTHING;

  outline = hl_tool_pen_new_curve (tool, TRUE);
  hl_zone_defaults_apply (self->pen.parent.options->zone_defaults, self->pen.parent.options->zone_kind, &params);
  params.seed = hl_edit_new_zone_seed (view);
  name = hl_edit_new_zone_name (view, self->pen.parent.options->zone_kind);
  zone = hl_zone_new (name, self->pen.parent.options->zone_kind, outline, &params);
  index = hl_view_get_n_zones (view);
  design = hl_edit_add_zone (hl_tool_get_current_design (tool), tool->view, zone);

  result = hl_tool_commit (tool, design, _("Add zone"));
  hl_tool_pen_clear (tool);
  if (result & HL_TOOL_COMMITTED)
    {
      hl_tool_set_selected_zone (tool, (int) index);
      result |= HL_TOOL_SELECTION;
    }
  return result | HL_TOOL_REDRAW;
}

/* The outline pen's path, when it does not cross itself, becomes the
 * view's own scalp outline; one that crosses itself stays (drawn red)
 * until it is mended. */
static HlToolResult
close_outline (HlTool *tool)
{
  HlToolZone *self = ZONE (tool);
  g_autoptr(HlCurve) outline = NULL;
  g_autoptr(HlDesign) design = NULL;

  if (self->pen.points->len < 3)
    return HL_TOOL_NOTHING;
  outline = hl_tool_pen_new_curve (tool, TRUE);
  if (!hl_scalp_outline_check (outline, NULL))
    return HL_TOOL_NOTHING;

  design = hl_edit_set_scalp_outline (hl_tool_get_current_design (tool), tool->view, outline);
  hl_tool_pen_clear (tool);
  return hl_tool_commit (tool, design, _("Draw scalp outline")) | HL_TOOL_REDRAW;
}

static HlToolResult
closing_pen_event (HlTool            *tool,
                   const HlToolEvent *event,
                   HlToolPenFinish    finish)
{
  HlToolZone *self = ZONE (tool);
  gboolean could_close = self->could_close;
  HlToolResult result;

  if (event->type == HL_TOOL_PRESS || event->type == HL_TOOL_MOTION)
    self->zoom = event->zoom;

  /* A press on the first vertex closes, or is ignored while there are too
   * few vertices to close. */
  if (event->type == HL_TOOL_PRESS && event->n_press < 2 && near_first (self, event->p, event->zoom))
    result = HL_TOOL_CAPTURED | (self->pen.points->len >= 3 ? finish (tool) : HL_TOOL_NOTHING);
  else
    result = hl_tool_pen_event (tool, event, finish);

  /* A motion that brings the pointer onto the first vertex, or off it,
   * changes the cursor. */
  self->could_close = hl_tool_zone_can_close (tool);
  if (event->type == HL_TOOL_MOTION && result != HL_TOOL_NOTHING && self->could_close != could_close)
    result |= HL_TOOL_CURSOR;
  return result;
}

static HlToolResult
zone_event (HlTool            *tool,
            const HlToolEvent *event)
{
  return closing_pen_event (tool, event, close_zone);
}

static HlToolResult
outline_event (HlTool            *tool,
               const HlToolEvent *event)
{
  return closing_pen_event (tool, event, close_outline);
}

static void
zone_draw_overlay (HlTool  *tool,
                   cairo_t *cr,
                   double   zoom)
{
  guint n;
  const HlPoint *pts = hl_tool_pen_get_points (tool, &n);

  if (n == 0)
    return;

  if (n >= 2)
    {
      g_autoptr(HlCurve) shape = hl_tool_pen_new_curve (tool, n >= 3);
      /* An outline that crosses itself cannot close: red. */
      gboolean crossing = tool->klass == &outline_class && n >= 3 && !hl_scalp_outline_check (shape, NULL);
      double r = crossing ? 0.85 : 0.1, g = crossing ? 0.15 : 0.55, b = crossing ? 0.1 : 0.95;

      hl_tool_path_curve (cr, shape);
      if (n >= 3)
        {
          cairo_set_source_rgba (cr, r, g, b, 0.15);
          cairo_fill_preserve (cr);
        }
      cairo_set_line_width (cr, 2.0 / zoom);
      cairo_set_source_rgba (cr, r, g, b, 0.95);
      cairo_stroke (cr);
    }

  if (tool->has_pointer && !hl_tool_zone_can_close (tool))
    {
      hl_tool_draw_rubber_band (cr, zoom, pts[n - 1], tool->pointer);
      if (n >= 2)
        hl_tool_draw_rubber_band (cr, zoom, tool->pointer, pts[0]);
    }

  for (guint i = 0; i < n; i++)
    hl_tool_draw_handle (cr, zoom, pts[i], i == 0 && hl_tool_zone_can_close (tool) ? 1 : 0,
                         hl_tool_pen_is_corner (tool, i));
}

static const char *
zone_get_cursor (HlTool *tool)
{
  return hl_tool_zone_can_close (tool) ? "pointer" : "crosshair";
}

static void
zone_init (HlTool *tool)
{
  hl_tool_pen_init (tool);
  ZONE (tool)->zoom = 1.0;
}

static const HlToolClass zone_class = {
  .name = "zone",
  .instance_size = sizeof (HlToolZone),
  .event = zone_event,
  .draw_overlay = zone_draw_overlay,
  .get_cursor = zone_get_cursor,
  .get_preview = NULL,
  .finalize = hl_tool_pen_finalize,
  .init = zone_init,
};

static const HlToolClass outline_class = {
  .name = "outline",
  .instance_size = sizeof (HlToolZone),
  .event = outline_event,
  .draw_overlay = zone_draw_overlay,
  .get_cursor = zone_get_cursor,
  .get_preview = NULL,
  .finalize = hl_tool_pen_finalize,
  .init = zone_init,
};

const HlToolClass *
hl_tool_zone_class (void)
{
  return &zone_class;
}

const HlToolClass *
hl_tool_outline_class (void)
{
  return &outline_class;
}

void
hl_tool_zone_set_kind (HlTool     *tool,
                       HlZoneKind  kind)
{
  g_return_if_fail (IS_ZONE (tool));
  g_return_if_fail (kind <= HL_ZONE_CUSTOM);

  tool->options->zone_kind = kind;
}

void
hl_tool_zone_set_defaults (HlTool               *tool,
                           const HlZoneDefaults *defaults)
{
  g_return_if_fail (IS_ZONE (tool));

  tool->options->zone_defaults = defaults;
}

HlZoneKind
hl_tool_zone_get_kind (HlTool *tool)
{
  g_return_val_if_fail (IS_ZONE (tool), HL_ZONE_FRONTAL);
  return tool->options->zone_kind;
}

const HlPoint *
hl_tool_zone_get_points (HlTool *tool,
                         guint  *n_points)
{
  g_return_val_if_fail (IS_CLOSING_PEN (tool), NULL);
  return hl_tool_pen_get_points (tool, n_points);
}

gboolean
hl_tool_zone_can_close (HlTool *tool)
{
  HlToolZone *self;

  g_return_val_if_fail (IS_CLOSING_PEN (tool), FALSE);

  self = ZONE (tool);
  return tool->has_pointer && self->pen.points->len >= 3 && near_first (self, tool->pointer, self->zoom);
}
