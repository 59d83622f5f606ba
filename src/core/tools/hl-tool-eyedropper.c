/* hl-tool-eyedropper.c: a zone's or a session's shade from the photo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-client.h"
#include "hl-design.h"
#include "hl-edit.h"
#include "hl-tool-eyedropper.h"

typedef struct
{
  HlTool               parent;

  HlEyedropperProblem  problem;
  gboolean             has_color;
  HlColor              color;      /* under the pointer */
  gboolean             has_picked;
  HlColor              picked;     /* taken by the last press */
} HlToolEyedropper;

static const HlToolClass eyedropper_class;

#define EYEDROPPER(tool) ((HlToolEyedropper *) (tool))
#define IS_EYEDROPPER(tool) ((tool) != NULL && (tool)->klass == &eyedropper_class)

gboolean
hl_tool_eyedropper_sample (const HlPhoto *photo,
                           HlPoint        p,
                           HlColor       *color)
{
  cairo_surface_t *surface;
  const guchar *data;
  int width, height, stride;
  double cx, cy;
  int x0, x1, y0, y1;
  guint64 r = 0, g = 0, b = 0, n;

  g_return_val_if_fail (photo != NULL, FALSE);

  if (!hl_point_is_finite (p))
    return FALSE;

  surface = hl_photo_get_surface (photo);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);

  /* The square's pixels, clipped to the image (in doubles first: a point
   * far away must not overflow an int). */
  cx = floor (p.x);
  cy = floor (p.y);
  if (cx + HL_EYEDROPPER_SIZE / 2 < 0 || cx - HL_EYEDROPPER_SIZE / 2 > width - 1 ||
      cy + HL_EYEDROPPER_SIZE / 2 < 0 || cy - HL_EYEDROPPER_SIZE / 2 > height - 1)
    return FALSE;
  x0 = MAX ((int) cx - HL_EYEDROPPER_SIZE / 2, 0);
  x1 = MIN ((int) cx + HL_EYEDROPPER_SIZE / 2, width - 1);
  y0 = MAX ((int) cy - HL_EYEDROPPER_SIZE / 2, 0);
  y1 = MIN ((int) cy + HL_EYEDROPPER_SIZE / 2, height - 1);
  if (x0 > x1 || y0 > y1)
    return FALSE;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = y0; y <= y1; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * (gsize) stride);

      for (int x = x0; x <= x1; x++)
        {
          r += (row[x] >> 16) & 0xff;
          g += (row[x] >> 8) & 0xff;
          b += row[x] & 0xff;
        }
    }

  n = (guint64) (x1 - x0 + 1) * (guint64) (y1 - y0 + 1);
  if (color != NULL)
    *color = (HlColor) { (guint8) ((r + n / 2) / n), (guint8) ((g + n / 2) / n), (guint8) ((b + n / 2) / n) };
  return TRUE;
}

static void
sample_pointer (HlToolEyedropper *self)
{
  self->has_color = self->parent.photo != NULL && self->parent.has_pointer &&
                    hl_tool_eyedropper_sample (self->parent.photo, self->parent.pointer, &self->color);
}

static HlToolResult
pick (HlToolEyedropper *self,
      const HlView     *view)
{
  int zone = hl_tool_get_selected_zone (&self->parent);
  int session = self->parent.options->target_session;
  HlZoneParams params;
  g_autoptr(HlDesign) design = NULL;
  HlToolResult result;

  if (self->parent.photo == NULL)
    {
      self->problem = HL_EYEDROPPER_NO_PHOTO;
      return HL_TOOL_NOTHING;
    }
  if (zone < 0 || (guint) zone >= hl_view_get_n_zones (view))
    {
      self->problem = HL_EYEDROPPER_NO_ZONE;
      return HL_TOOL_NOTHING;
    }
  params = hl_view_get_zone (view, (guint) zone)->params;
  if (session >= 0 && (guint) session >= MIN (params.n_sessions, HL_ZONE_MAX_SESSIONS))
    {
      self->problem = HL_EYEDROPPER_NO_SESSION;
      return HL_TOOL_NOTHING;
    }
  if (!self->has_color)
    {
      self->problem = HL_EYEDROPPER_OUTSIDE;
      return HL_TOOL_NOTHING;
    }

  if (session >= 0 ? hl_color_equal (params.sessions[session].shade, self->color)
                    : hl_color_equal (params.shade, self->color))
    {
      self->problem = HL_EYEDROPPER_OK;
      return HL_TOOL_CAPTURED;
    }

  if (session >= 0)
    params.sessions[session].shade = self->color;
  else
    hl_zone_params_set_shade (&params, self->color);   /* the sessions follow */

  self->problem = HL_EYEDROPPER_OK;
  design = hl_edit_set_zone_params (hl_tool_get_current_design (&self->parent), self->parent.view,
                                    (guint) zone, &params);
  result = hl_tool_commit (&self->parent, design,
                           session >= 0 ? _("Pick session shade") : _("Pick zone shade"));
  return result | HL_TOOL_CAPTURED;
}

static HlToolResult
eyedropper_event (HlTool            *tool,
                  const HlToolEvent *event)
{
  HlToolEyedropper *self = EYEDROPPER (tool);
  const HlView *view = hl_tool_get_current_view (tool);

  if (view == NULL)
    return HL_TOOL_NOTHING;

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      sample_pointer (self);
      self->has_picked = FALSE;
      {
        HlToolResult result = pick (self, view);

        self->has_picked = self->problem == HL_EYEDROPPER_OK;
        self->picked = self->color;
        return result;
      }

    case HL_TOOL_MOTION:
      sample_pointer (self);
      return HL_TOOL_REDRAW;

    case HL_TOOL_RELEASE:
    case HL_TOOL_CANCEL:
    case HL_TOOL_KEY:
    default:
      return HL_TOOL_NOTHING;
    }
}

static void
eyedropper_draw_overlay (HlTool  *tool,
                         cairo_t *cr,
                         double   zoom)
{
  HlToolEyedropper *self = EYEDROPPER (tool);
  double size = 28.0 / zoom;
  double x, y;

  if (!tool->has_pointer || !self->has_color)
    return;

  /* The sampled square, outlined. */
  cairo_new_path (cr);
  cairo_rectangle (cr, floor (tool->pointer.x) - HL_EYEDROPPER_SIZE / 2,
                   floor (tool->pointer.y) - HL_EYEDROPPER_SIZE / 2,
                   HL_EYEDROPPER_SIZE, HL_EYEDROPPER_SIZE);
  cairo_set_line_width (cr, 1.0 / zoom);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke (cr);

  /* The swatch, up and right of the pointer. */
  x = tool->pointer.x + 14.0 / zoom;
  y = tool->pointer.y - 14.0 / zoom - size;
  cairo_rectangle (cr, x, y, size, size);
  cairo_set_source_rgb (cr, self->color.r / 255.0, self->color.g / 255.0, self->color.b / 255.0);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 3.0 / zoom);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);
}

static const char *
eyedropper_get_cursor (HlTool *tool)
{
  return "crosshair";
}

static const HlToolClass eyedropper_class = {
  .name = "eyedropper",
  .instance_size = sizeof (HlToolEyedropper),
  .event = eyedropper_event,
  .draw_overlay = eyedropper_draw_overlay,
  .get_cursor = eyedropper_get_cursor,
  .get_preview = NULL,
  .finalize = NULL,
  .init = NULL,
};

const HlToolClass *
hl_tool_eyedropper_class (void)
{
  return &eyedropper_class;
}

HlEyedropperProblem
hl_tool_eyedropper_get_problem (HlTool *tool)
{
  g_return_val_if_fail (IS_EYEDROPPER (tool), HL_EYEDROPPER_OK);
  return EYEDROPPER (tool)->problem;
}

const char *
hl_eyedropper_problem_to_string (HlEyedropperProblem problem)
{
  switch (problem)
    {
    case HL_EYEDROPPER_OK: return NULL;
    case HL_EYEDROPPER_NO_PHOTO: return _("There is no photo to take a colour from");
    case HL_EYEDROPPER_NO_ZONE: return _("Select a zone first");
    case HL_EYEDROPPER_NO_SESSION: return _("The zone has no such session");
    case HL_EYEDROPPER_OUTSIDE: return _("Pick a colour on the photo");
    default: return NULL;
    }
}

gboolean
hl_tool_eyedropper_get_color (HlTool  *tool,
                              HlColor *color)
{
  HlToolEyedropper *self;

  g_return_val_if_fail (IS_EYEDROPPER (tool), FALSE);

  self = EYEDROPPER (tool);
  if (!self->has_color)
    return FALSE;
  if (color != NULL)
    *color = self->color;
  return TRUE;
}

gboolean
hl_tool_eyedropper_suggest (HlTool                *tool,
                            const HlDilutionChart *chart,
                            HlDilutionMatch       *match,
                            int                   *skin_type,
                            gboolean              *assumed)
{
  HlToolEyedropper *self;
  HlDesign *design;
  int type = 0;

  g_return_val_if_fail (IS_EYEDROPPER (tool), FALSE);
  g_return_val_if_fail (chart != NULL, FALSE);

  self = EYEDROPPER (tool);
  if (!self->has_picked)
    return FALSE;
  design = hl_tool_get_current_design (tool);
  if (design != NULL && design->client != NULL)
    type = design->client->fitzpatrick;
  if (assumed != NULL)
    *assumed = type < HL_FITZPATRICK_MIN || type > HL_FITZPATRICK_MAX;
  if (type < HL_FITZPATRICK_MIN || type > HL_FITZPATRICK_MAX)
    type = 3;
  if (skin_type != NULL)
    *skin_type = type;
  return hl_dilution_chart_nearest (chart, self->picked, type, match);
}
