/* hl-tool-brush.c: the dot brush and the eraser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-edit.h"
#include "hl-tool-brush.h"

typedef struct
{
  HlTool     parent;

  gboolean   eraser;
  double     radius;       /* screen px */

  gboolean   stroking;
  GArray    *edits;        /* owned, of HlDotEdit: the stroke so far */
  HlDesign  *preview;      /* owned ref: current design + edits, or NULL */
  HlPoint    prev;         /* last stroke position, image px */
  double     carried;      /* path length since the last dab, image px */
} HlToolBrush;

static const HlToolClass brush_class;
static const HlToolClass eraser_class;

#define BRUSH(tool) ((HlToolBrush *) (tool))
#define IS_BRUSH(tool) ((tool) != NULL && ((tool)->klass == &brush_class || (tool)->klass == &eraser_class))

/* Limits of the file format for manual edits. */
#define DOT_MM_MIN 0.05
#define DOT_MM_MAX 1.5
#define ERASE_PX_MIN 0.1
#define ERASE_PX_MAX 10000.0

/* The parameters a dab takes: the zone under @p, else the selected zone,
 * else a zone's defaults. */
static HlZoneParams
params_at (HlToolBrush  *self,
           const HlView *view,
           HlPoint       p)
{
  HlZoneParams params;
  int zone = hl_tool_zone_at (view, p);

  if (zone < 0 && hl_tool_get_selected_zone (&self->parent) >= 0 &&
      (guint) hl_tool_get_selected_zone (&self->parent) < hl_view_get_n_zones (view))
    zone = hl_tool_get_selected_zone (&self->parent);
  if (zone >= 0)
    return hl_view_get_zone (view, (guint) zone)->params;

  hl_zone_params_init (&params);
  return params;
}

/* Image px between dabs at @p. */
static double
spacing_at (HlToolBrush  *self,
            const HlView *view,
            HlPoint       p,
            double        zoom)
{
  double px;

  g_assert (zoom > 0.0);

  if (self->eraser)
    px = self->radius / zoom / 2.0;
  else
    {
      HlZoneParams params = params_at (self, view, p);
      double density = CLAMP (params.density, HL_DENSITY_MIN, HL_DENSITY_MAX);

      px = 10.0 / sqrt (density) / hl_view_get_mm_per_px (view, NULL);
    }
  return MAX (px, 0.5);
}

static gboolean
room_for_one_more (HlToolBrush  *self,
                   const HlView *view)
{
  return self->edits->len < HL_BRUSH_MAX_STROKE &&
         view->edits->len + self->edits->len < HL_VIEW_MAX_EDITS;
}

static void
dab (HlToolBrush       *self,
     const HlView      *view,
     HlPoint            p,
     const HlToolEvent *event)
{
  HlDotEdit edit = { 0 };

  if (!room_for_one_more (self, view))
    return;

  edit.p = p;
  if (self->eraser)
    {
      edit.kind = HL_EDIT_REMOVE;
      edit.radius_px = CLAMP (self->radius / event->zoom, ERASE_PX_MIN, ERASE_PX_MAX);
    }
  else
    {
      HlZoneParams params = params_at (self, view, p);
      double scale = event->has_pressure ? 0.5 + event->pressure : 1.0;
      guint n = MIN (params.n_sessions, HL_ZONE_MAX_SESSIONS);

      edit.kind = HL_EDIT_ADD;
      edit.diameter_mm = CLAMP (params.dot_mm * scale, DOT_MM_MIN, DOT_MM_MAX);
      edit.shade = n > 0 ? params.sessions[n - 1].shade : params.shade;
      edit.session = n > 0 ? n - 1 : 0;
    }
  g_array_append_val (self->edits, edit);
}

static void
update_preview (HlToolBrush *self)
{
  g_clear_pointer (&self->preview, hl_design_unref);
  if (self->edits->len > 0)
    self->preview = hl_edit_append_edits (hl_tool_get_current_design (&self->parent), self->parent.view,
                                          (const HlDotEdit *) (gpointer) self->edits->data,
                                          self->edits->len);
}

/* Dabs along the path from the last position to @event->p; TRUE when any
 * was placed. */
static gboolean
stroke_to (HlToolBrush       *self,
           const HlView      *view,
           const HlToolEvent *event)
{
  HlPoint from = self->prev, to = event->p;
  double length = hl_point_distance (from, to);
  double spacing = spacing_at (self, view, to, event->zoom);
  double done = 0.0;
  guint before = self->edits->len;

  self->prev = to;
  while (room_for_one_more (self, view))
    {
      double need = spacing - self->carried;
      double t;

      if (done + need > length)
        {
          self->carried += length - done;
          break;
        }
      done += need;
      t = length > 0.0 ? done / length : 1.0;
      dab (self, view, (HlPoint) { from.x + t * (to.x - from.x), from.y + t * (to.y - from.y) }, event);
      self->carried = 0.0;
    }

  return self->edits->len > before;
}

static HlToolResult
end_stroke (HlToolBrush *self,
            gboolean     commit)
{
  HlToolResult result = HL_TOOL_REDRAW;

  if (!self->stroking)
    return HL_TOOL_NOTHING;

  self->stroking = FALSE;
  if (commit && self->preview != NULL)
    result |= hl_tool_commit (&self->parent, self->preview, self->eraser ? _("Erase dots") : _("Add dots"));
  else if (self->preview != NULL)
    result |= HL_TOOL_PREVIEW;
  g_clear_pointer (&self->preview, hl_design_unref);
  g_array_set_size (self->edits, 0);
  return result;
}

static HlToolResult
resize (HlToolBrush *self,
        double       factor)
{
  double radius = CLAMP (self->radius * factor, HL_BRUSH_MIN_RADIUS, HL_BRUSH_MAX_RADIUS);

  if (radius == self->radius)
    return HL_TOOL_NOTHING;
  self->radius = radius;
  return HL_TOOL_REDRAW;
}

static HlToolResult
brush_event (HlTool            *tool,
             const HlToolEvent *event)
{
  HlToolBrush *self = BRUSH (tool);
  const HlView *view = hl_tool_get_current_view (tool);
  HlToolResult result = HL_TOOL_NOTHING;

  if (event->type == HL_TOOL_CANCEL || view == NULL)
    return end_stroke (self, FALSE);

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      /* A press without the last release: keep what was drawn. */
      result = end_stroke (self, TRUE);
      view = hl_tool_get_current_view (tool);
      self->stroking = TRUE;
      self->prev = event->p;
      self->carried = 0.0;
      dab (self, view, event->p, event);
      update_preview (self);
      return result | HL_TOOL_CAPTURED | HL_TOOL_REDRAW | HL_TOOL_PREVIEW;

    case HL_TOOL_MOTION:
      if (self->stroking && stroke_to (self, view, event))
        {
          update_preview (self);
          return HL_TOOL_REDRAW | HL_TOOL_PREVIEW;
        }
      return HL_TOOL_REDRAW;

    case HL_TOOL_RELEASE:
      if (!self->stroking)
        return HL_TOOL_NOTHING;
      tool->pointer = event->p;
      if (stroke_to (self, view, event))
        update_preview (self);
      return end_stroke (self, TRUE);

    case HL_TOOL_KEY:
      switch (event->key)
        {
        case HL_TOOL_KEY_ESCAPE:
          return end_stroke (self, FALSE);
        case HL_TOOL_KEY_GROW:
          return resize (self, 1.25);
        case HL_TOOL_KEY_SHRINK:
          return resize (self, 1.0 / 1.25);
        default:
          return HL_TOOL_NOTHING;
        }

    case HL_TOOL_CANCEL:
    default:
      return HL_TOOL_NOTHING;
    }
}

static void
brush_draw_overlay (HlTool  *tool,
                    cairo_t *cr,
                    double   zoom)
{
  HlToolBrush *self = BRUSH (tool);
  double r = self->radius / zoom;

  if (!tool->has_pointer)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, tool->pointer.x, tool->pointer.y, r, 0, 2 * G_PI);
  if (self->eraser)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.15);
      cairo_fill_preserve (cr);
    }
  cairo_set_line_width (cr, 3.0 / zoom);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_stroke (cr);
}

static const char *
brush_get_cursor (HlTool *tool)
{
  return BRUSH (tool)->eraser ? "cell" : "crosshair";
}

static HlDesign *
brush_get_preview (HlTool *tool)
{
  return BRUSH (tool)->preview;
}

static void
brush_init (HlTool *tool)
{
  HlToolBrush *self = BRUSH (tool);

  self->eraser = tool->klass == &eraser_class;
  self->radius = HL_BRUSH_DEFAULT_RADIUS;
  self->edits = g_array_new (FALSE, FALSE, sizeof (HlDotEdit));
}

static void
brush_finalize (HlTool *tool)
{
  HlToolBrush *self = BRUSH (tool);

  g_clear_pointer (&self->preview, hl_design_unref);
  g_clear_pointer (&self->edits, g_array_unref);
}

/* The brush and the eraser differ only by name: brush_init tells them
 * apart by their class. */
#define BRUSH_CLASS(tool_name)             \
  {                                        \
    .name = tool_name,                     \
    .instance_size = sizeof (HlToolBrush), \
    .event = brush_event,                  \
    .draw_overlay = brush_draw_overlay,    \
    .get_cursor = brush_get_cursor,        \
    .get_preview = brush_get_preview,      \
    .finalize = brush_finalize,            \
    .init = brush_init,                    \
  }

static const HlToolClass brush_class = BRUSH_CLASS ("brush");
static const HlToolClass eraser_class = BRUSH_CLASS ("eraser");

const HlToolClass *
hl_tool_brush_class (void)
{
  return &brush_class;
}

const HlToolClass *
hl_tool_eraser_class (void)
{
  return &eraser_class;
}

double
hl_tool_brush_get_radius (HlTool *tool)
{
  g_return_val_if_fail (IS_BRUSH (tool), HL_BRUSH_DEFAULT_RADIUS);
  return BRUSH (tool)->radius;
}

void
hl_tool_brush_set_radius (HlTool *tool,
                          double  radius)
{
  g_return_if_fail (IS_BRUSH (tool));
  g_return_if_fail (isfinite (radius));

  BRUSH (tool)->radius = CLAMP (radius, HL_BRUSH_MIN_RADIUS, HL_BRUSH_MAX_RADIUS);
}

guint
hl_tool_brush_get_n_pending (HlTool *tool)
{
  g_return_val_if_fail (IS_BRUSH (tool), 0);
  return BRUSH (tool)->edits->len;
}
