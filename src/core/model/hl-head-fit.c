/* hl-head-fit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-error.h"
#include "hl-head-fit.h"

#define RAD_TO_DEG (180.0 / G_PI)

/* The model with @breadth and the default proportions. */
static HlHeadModel
scaled_model (double breadth)
{
  HlHeadModel m = hl_head_model_default ();
  double k = breadth / m.breadth_mm;

  return (HlHeadModel) { breadth, m.length_mm * k, m.height_mm * k };
}

gboolean
hl_head_fit_view (const HlView  *view,
                  HlHeadModel   *model,
                  HlHeadPose    *pose,
                  GError       **error)
{
  static const HlLandmark needed[] = {
    HL_LANDMARK_GLABELLA, HL_LANDMARK_LEFT_PUPIL, HL_LANDMARK_RIGHT_PUPIL,
    HL_LANDMARK_LEFT_TEMPORAL_PEAK, HL_LANDMARK_RIGHT_TEMPORAL_PEAK,
  };
  g_autoptr(GString) missing = g_string_new (NULL);
  gboolean calibrated;
  double m, s, roll, cr, sr, breadth, width_mm, height_mm, centre_u, glabella_u;
  HlPoint g, lp, rp, lt, rt, d_lt, d_rt;
  HlHeadModel fit;
  double abc[3], glabella[3], yaw, sy;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (model != NULL && pose != NULL, FALSE);

  m = hl_view_get_mm_per_px (view, &calibrated);
  if (!calibrated)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                   _("Calibrate the view to fit the head model: without millimetres its size is unknown"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (!view->landmarks[needed[i]].set)
      {
        if (missing->len > 0)
          g_string_append (missing, ", ");
        g_string_append (missing, hl_landmark_to_string (needed[i]));
      }
  if (missing->len > 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                   _("Place the glabella, both pupils and both temporal peaks to fit the head model "
                     "(missing: %s)"), missing->str);
      return FALSE;
    }

  g = view->landmarks[HL_LANDMARK_GLABELLA].p;
  lp = view->landmarks[HL_LANDMARK_LEFT_PUPIL].p;
  rp = view->landmarks[HL_LANDMARK_RIGHT_PUPIL].p;
  lt = view->landmarks[HL_LANDMARK_LEFT_TEMPORAL_PEAK].p;
  rt = view->landmarks[HL_LANDMARK_RIGHT_TEMPORAL_PEAK].p;

  /* The client's left is image-right: the pupil line from right to left
   * gives the roll (image y down: a positive angle turns clockwise on
   * screen, as the pose's roll does). */
  roll = atan2 (lp.y - rp.y, lp.x - rp.x);
  if (!(hl_point_distance (lp, rp) > 0.0) || fabs (roll) > G_PI / 4.0 || lt.x <= rt.x)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                   _("The landmarks do not look like a face seen from the front: "
                     "the left pupil and temporal peak must lie on the image's right"));
      return FALSE;
    }
  cr = cos (roll);
  sr = sin (roll);
  /* Peaks relative to the glabella, the roll undone (mm). */
  d_lt = (HlPoint) { ((lt.x - g.x) * cr + (lt.y - g.y) * sr) * m, (-(lt.x - g.x) * sr + (lt.y - g.y) * cr) * m };
  d_rt = (HlPoint) { ((rt.x - g.x) * cr + (rt.y - g.y) * sr) * m, (-(rt.x - g.x) * sr + (rt.y - g.y) * cr) * m };
  width_mm = d_lt.x - d_rt.x;
  height_mm = -(d_lt.y + d_rt.y) / 2.0;   /* the peaks above the glabella */

  /* The peaks lie on the outline: the width there is the ellipsoid's at
   * their height, which depends on the breadth through the proportions. */
  breadth = width_mm;
  for (guint k = 0; k < 50; k++)
    {
      double z, f;

      fit = scaled_model (breadth);
      hl_head_model_get_semi_axes (&fit, abc);
      z = -fit.height_mm * HL_HEAD_GLABELLA_FRACTION + height_mm;
      f = 1.0 - (z / abc[2]) * (z / abc[2]);
      if (!(f > 0.05))
        break;
      breadth = width_mm / sqrt (f);
    }
  fit = scaled_model (breadth);
  {
    const char *field;
    double lo, hi;

    if (!hl_head_model_check (&fit, &field, &lo, &hi))
      {
        g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                     _("The landmarks give a head %.0f mm broad, %.0f mm long and %.0f mm high: "
                       "outside the plausible %s of %g–%g mm; check the calibration and the temporal peaks"),
                     fit.breadth_mm, fit.length_mm, fit.height_mm, field, lo, hi);
        return FALSE;
      }
  }

  /* Across: the centre under the peaks' midpoint; the glabella ahead of it
   * by its depth, offset by sin (yaw). */
  hl_head_model_get_semi_axes (&fit, abc);
  hl_head_model_get_glabella (&fit, glabella);
  centre_u = (d_lt.x + d_rt.x) / 2.0;
  glabella_u = 0.0;
  sy = (centre_u - glabella_u) / glabella[1];
  if (fabs (sy) > sin (HL_HEAD_FIT_MAX_YAW_DEG / RAD_TO_DEG))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                   _("The head turns more than %.0f° from the camera (the glabella lies %.0f mm off the "
                     "temples' midpoint): fit a photo taken face on"),
                   HL_HEAD_FIT_MAX_YAW_DEG, fabs (centre_u - glabella_u));
      return FALSE;
    }
  yaw = asin (sy);

  s = 1.0 / m;
  {
    /* The centre in head-aligned image mm relative to the glabella: across
     * centre_u, up by the glabella's depth below the centre. */
    double du = centre_u, dv = glabella[2];   /* v is down: the centre is above */
    HlHeadPose p = {
      .yaw_deg = yaw * RAD_TO_DEG,
      .pitch_deg = 0.0,
      .roll_deg = roll * RAD_TO_DEG,
      .scale = s,
      .centre_x = g.x + (du * cr - dv * sr) * s,
      .centre_y = g.y + (du * sr + dv * cr) * s,
    };

    if (!hl_head_pose_check (&p, NULL, NULL, NULL))
      {
        g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                     _("The fitted pose is outside the plausible ranges: check the calibration"));
        return FALSE;
      }
    *pose = p;
  }
  *model = fit;
  return TRUE;
}

char *
hl_head_fit_explain (const HlView *view)
{
  g_autoptr(GError) error = NULL;
  HlHeadModel model;
  HlHeadPose pose;

  g_return_val_if_fail (view != NULL, NULL);

  if (view->has_head)
    return NULL;
  if (view->head_reason != NULL)
    return g_strdup (view->head_reason);
  if (view->photo.chart != NULL)
    return g_strdup (_("a head chart saved without its pose (before format 3)"));
  if (!hl_head_fit_view (view, &model, &pose, &error))
    return g_strdup (error->message);
  return g_strdup_printf (_("not fitted: its landmarks fit a head %.0f mm broad"), model.breadth_mm);
}
