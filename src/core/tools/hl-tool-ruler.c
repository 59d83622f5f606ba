/* hl-tool-ruler.c: calibration from a ruler, the pupils or an iris.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-edit.h"
#include "hl-error.h"
#include "hl-measure.h"
#include "hl-tool-ruler.h"

typedef struct
{
  HlTool       parent;

  HlPoint      a, b;         /* the segment's ends, image px */
  guint        n_ends;       /* 0: none; 1: a placed; 2: both */
  gboolean     dragging;     /* DRAG: between press and release */
  double       last_mm;      /* last ruler length applied; 0: none */
} HlToolRuler;

static const HlToolClass ruler_class;

#define RULER(tool) ((HlToolRuler *) (tool))
#define IS_RULER(tool) ((tool) != NULL && (tool)->klass == &ruler_class)

static HlToolResult
drop_segment (HlToolRuler *self)
{
  gboolean had = self->n_ends > 0 || self->dragging;

  self->n_ends = 0;
  self->dragging = FALSE;
  return had ? HL_TOOL_REDRAW : HL_TOOL_NOTHING;
}

static HlToolResult
press (HlToolRuler       *self,
       const HlToolEvent *event)
{
  if (self->parent.options->ruler_mode == HL_RULER_DRAG)
    {
      self->a = self->b = event->p;
      self->n_ends = 1;
      self->dragging = TRUE;
      return HL_TOOL_CAPTURED | HL_TOOL_REDRAW;
    }

  /* Two clicks: the first (or one after a complete segment) starts over. */
  if (self->n_ends != 1)
    {
      self->a = event->p;
      self->n_ends = 1;
      return HL_TOOL_CAPTURED | HL_TOOL_REDRAW;
    }

  /* Too close to the first end (the second press of a double click). */
  if (hl_point_distance (self->a, event->p) < HL_RULER_MIN_PX)
    return HL_TOOL_CAPTURED;

  self->b = event->p;
  self->n_ends = 2;
  return HL_TOOL_CAPTURED | HL_TOOL_REDRAW | HL_TOOL_ASK_LENGTH;
}

static HlToolResult
release (HlToolRuler       *self,
         const HlToolEvent *event)
{
  if (!self->dragging)
    return HL_TOOL_NOTHING;

  self->dragging = FALSE;
  self->b = event->p;
  if (hl_point_distance (self->a, self->b) < HL_RULER_MIN_PX)
    {
      self->n_ends = 0;
      return HL_TOOL_REDRAW;
    }
  self->n_ends = 2;
  return HL_TOOL_REDRAW | HL_TOOL_ASK_LENGTH;
}

static HlToolResult
ruler_event (HlTool            *tool,
             const HlToolEvent *event)
{
  HlToolRuler *self = RULER (tool);

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      return press (self, event);

    case HL_TOOL_MOTION:
      if (self->dragging)
        {
          self->b = event->p;
          return HL_TOOL_REDRAW;
        }
      return self->n_ends == 1 ? HL_TOOL_REDRAW : HL_TOOL_NOTHING;

    case HL_TOOL_RELEASE:
      return release (self, event);

    case HL_TOOL_CANCEL:
      return drop_segment (self);

    case HL_TOOL_KEY:
      return event->key == HL_TOOL_KEY_ESCAPE ? drop_segment (self) : HL_TOOL_NOTHING;

    default:
      return HL_TOOL_NOTHING;
    }
}

static void
ruler_draw_overlay (HlTool  *tool,
                    cairo_t *cr,
                    double   zoom)
{
  HlToolRuler *self = RULER (tool);
  HlPoint a = self->a, b;
  double len, nx, ny;
  char label[32];

  if (self->n_ends == 0)
    return;
  if (self->n_ends == 2 || self->dragging)
    b = self->b;
  else if (tool->has_pointer)
    b = tool->pointer;
  else
    b = a;

  /* The first end, ringed. */
  cairo_new_path (cr);
  cairo_arc (cr, a.x, a.y, 4.0 / zoom, 0, 2 * G_PI);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_set_source_rgba (cr, 0.2, 0.9, 0.4, 0.95);
  cairo_stroke (cr);

  len = hl_point_distance (a, b);
  if (len < 1e-9)
    return;

  /* The line with ticks across both ends. */
  nx = -(b.y - a.y) / len * 6.0 / zoom;
  ny = (b.x - a.x) / len * 6.0 / zoom;
  cairo_new_path (cr);
  cairo_move_to (cr, a.x, a.y);
  cairo_line_to (cr, b.x, b.y);
  cairo_move_to (cr, a.x - nx, a.y - ny);
  cairo_line_to (cr, a.x + nx, a.y + ny);
  cairo_move_to (cr, b.x - nx, b.y - ny);
  cairo_line_to (cr, b.x + nx, b.y + ny);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_set_line_width (cr, 3.5 / zoom);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, 0.2, 0.9, 0.4, 0.95);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_stroke (cr);

  g_snprintf (label, sizeof label, _("%.1f px"), len);
  hl_measure_draw_label (cr, zoom, (HlPoint) { (a.x + b.x) / 2 + nx * 2, (a.y + b.y) / 2 + ny * 2 }, 0.0,
                         label);
}

static const char *
ruler_get_cursor (HlTool *tool)
{
  return "crosshair";
}

/* Another way to measure: a half-measured segment no longer fits. */
static void
ruler_options_changed (HlTool *tool)
{
  drop_segment (RULER (tool));
}

static const HlToolClass ruler_class = {
  .name = "ruler",
  .instance_size = sizeof (HlToolRuler),
  .event = ruler_event,
  .draw_overlay = ruler_draw_overlay,
  .get_cursor = ruler_get_cursor,
  .get_preview = NULL,
  .finalize = NULL,
  .init = NULL,
  .options_changed = ruler_options_changed,
};

const HlToolClass *
hl_tool_ruler_class (void)
{
  return &ruler_class;
}

void
hl_tool_ruler_set_mode (HlTool      *tool,
                        HlRulerMode  mode)
{
  g_return_if_fail (IS_RULER (tool));
  g_return_if_fail (mode <= HL_RULER_IRIS);

  drop_segment (RULER (tool));
  tool->options->ruler_mode = mode;
}

HlRulerMode
hl_tool_ruler_get_mode (HlTool *tool)
{
  g_return_val_if_fail (IS_RULER (tool), HL_RULER_DRAG);
  return tool->options->ruler_mode;
}

gboolean
hl_tool_ruler_get_segment (HlTool  *tool,
                           HlPoint *a,
                           HlPoint *b)
{
  HlToolRuler *self;

  g_return_val_if_fail (IS_RULER (tool), FALSE);

  self = RULER (tool);
  if (self->n_ends != 2)
    return FALSE;
  if (a != NULL)
    *a = self->a;
  if (b != NULL)
    *b = self->b;
  return TRUE;
}

double
hl_tool_ruler_get_suggested_mm (HlTool *tool)
{
  HlToolRuler *self;
  const HlView *view;

  g_return_val_if_fail (IS_RULER (tool), 10.0);

  self = RULER (tool);
  switch (self->parent.options->ruler_mode)
    {
    case HL_RULER_IPD:
      return HL_IPD_MM;
    case HL_RULER_IRIS:
      return HL_IRIS_MM;
    case HL_RULER_DRAG:
    default:
      if (self->last_mm > 0.0)
        return self->last_mm;
      view = hl_tool_get_current_view (tool);
      if (view != NULL && view->calibration.source == HL_CALIBRATION_RULER &&
          view->calibration.has_reference && view->calibration.ref_mm > 0.0 &&
          view->calibration.ref_mm <= HL_RULER_MAX_MM)
        return view->calibration.ref_mm;
      return 10.0;
    }
}

void
hl_tool_ruler_cancel_segment (HlTool *tool)
{
  g_return_if_fail (IS_RULER (tool));
  drop_segment (RULER (tool));
}

/* Where the face's middle is, in image x: the glabella, else the photo's
 * centre; +∞ when neither is known. */
static double
face_centre_x (HlTool       *tool,
               const HlView *view)
{
  g_assert (view != NULL);

  if (view->landmarks[HL_LANDMARK_GLABELLA].set)
    return view->landmarks[HL_LANDMARK_GLABELLA].p.x;
  if (tool->photo != NULL)
    return hl_photo_get_width (tool->photo) / 2.0;
  if (view->photo.width > 0)
    return view->photo.width / 2.0;
  return INFINITY;
}

gboolean
hl_tool_ruler_apply (HlTool   *tool,
                     double    mm,
                     GError  **error)
{
  HlToolRuler *self;
  const HlView *view;
  g_autoptr(HlDesign) calibrated = NULL;
  g_autoptr(HlDesign) with_one = NULL;
  g_autoptr(HlDesign) design = NULL;
  HlCalibration cal = { 0 };
  HlPoint lo, hi;
  double px;
  const char *label;

  g_return_val_if_fail (IS_RULER (tool), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = RULER (tool);
  view = hl_tool_get_current_view (tool);
  if (self->n_ends != 2 || view == NULL)
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_ARGUMENT, _("No segment measured yet"));
      return FALSE;
    }
  px = hl_point_distance (self->a, self->b);
  if (!(px >= HL_RULER_MIN_PX))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT,
                   _("The segment is too short (%.1f px): draw one at least %.0f px long"),
                   px, HL_RULER_MIN_PX);
      return FALSE;
    }
  if (!(isfinite (mm) && mm > 0.0 && mm <= HL_RULER_MAX_MM))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT,
                   _("The length must be more than 0 and at most %.0f mm"), HL_RULER_MAX_MM);
      return FALSE;
    }

  cal.mm_per_px = mm / px;
  cal.has_reference = TRUE;
  cal.ref_a = self->a;
  cal.ref_b = self->b;
  cal.ref_mm = mm;
  switch (self->parent.options->ruler_mode)
    {
    case HL_RULER_IPD:
      cal.source = HL_CALIBRATION_IPD;
      cal.uncertainty = HL_IPD_UNCERTAINTY;
      label = _("Calibrate from the pupils");
      break;
    case HL_RULER_IRIS:
      cal.source = HL_CALIBRATION_IRIS;
      cal.uncertainty = HL_IRIS_UNCERTAINTY;
      label = _("Calibrate from the iris");
      break;
    case HL_RULER_DRAG:
    default:
      cal.source = HL_CALIBRATION_RULER;
      cal.uncertainty = HL_RULER_UNCERTAINTY;
      label = _("Calibrate from a ruler");
      break;
    }

  calibrated = hl_edit_set_calibration (hl_tool_get_current_design (tool), tool->view, &cal);

  /* The ends as landmarks; the client's left is on the image's right. */
  lo = self->a.x <= self->b.x ? self->a : self->b;
  hi = self->a.x <= self->b.x ? self->b : self->a;
  if (self->parent.options->ruler_mode == HL_RULER_IPD)
    {
      with_one = hl_edit_set_landmark (calibrated, tool->view, HL_LANDMARK_RIGHT_PUPIL, TRUE, lo);
      design = hl_edit_set_landmark (with_one, tool->view, HL_LANDMARK_LEFT_PUPIL, TRUE, hi);
    }
  else if (self->parent.options->ruler_mode == HL_RULER_IRIS)
    {
      gboolean left = (lo.x + hi.x) / 2.0 > face_centre_x (tool, view);
      HlLandmark edge_a = left ? HL_LANDMARK_LEFT_IRIS_EDGE_A : HL_LANDMARK_RIGHT_IRIS_EDGE_A;
      HlLandmark edge_b = left ? HL_LANDMARK_LEFT_IRIS_EDGE_B : HL_LANDMARK_RIGHT_IRIS_EDGE_B;

      with_one = hl_edit_set_landmark (calibrated, tool->view, edge_a, TRUE, lo);
      design = hl_edit_set_landmark (with_one, tool->view, edge_b, TRUE, hi);
    }
  else
    design = hl_design_ref (calibrated);

  hl_tool_commit (tool, design, label);
  if (self->parent.options->ruler_mode == HL_RULER_DRAG)
    self->last_mm = mm;
  drop_segment (self);
  return TRUE;
}
