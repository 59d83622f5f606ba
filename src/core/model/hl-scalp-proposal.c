/* hl-scalp-proposal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-scalp-proposal.h"

/* The longest stretch of the chart's outline a proposal skips, mm. */
#define KEEP_MM 28.0

HlCurve *
hl_scalp_outline_propose (const HlView  *view,
                          GError       **error)
{
  const HlLandmarkPoint *left, *right;
  HlCurve *chart_outline = hl_head_chart_get_scalp_outline (HL_HEAD_CHART_FRONT);
  const HlPoint *from = hl_curve_get_points (chart_outline);
  guint n = hl_curve_get_n_points (chart_outline);
  g_autofree HlPoint *to = g_new (HlPoint, n);
  g_autofree gboolean *corners = g_new (gboolean, n);
  HlPoint chart_left, chart_right, chart_mid, mid;
  double dx, dy, px_apart, mm_per_px, scale, angle, c, s;
  gboolean calibrated;
  HlCurve *outline;
  HlPoint last = { 0, 0 };
  guint kept = 0;

  g_return_val_if_fail (view != NULL, NULL);

  left = &view->landmarks[HL_LANDMARK_LEFT_PUPIL];
  right = &view->landmarks[HL_LANDMARK_RIGHT_PUPIL];
  if (!left->set || !right->set)
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_ARGUMENT,
                           _("Place both pupils first: the scalp outline is proposed from them"));
      return NULL;
    }
  dx = left->p.x - right->p.x;
  dy = left->p.y - right->p.y;
  px_apart = hypot (dx, dy);
  if (!(px_apart >= 1.0))
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_ARGUMENT,
                           _("The pupils are at the same place: place them on the two eyes"));
      return NULL;
    }

  mm_per_px = hl_view_get_mm_per_px (view, &calibrated);
  if (!calibrated)
    mm_per_px = HL_IPD_MM / px_apart;

  if (!hl_head_chart_get_landmark (HL_HEAD_CHART_FRONT, HL_LANDMARK_LEFT_PUPIL, &chart_left) ||
      !hl_head_chart_get_landmark (HL_HEAD_CHART_FRONT, HL_LANDMARK_RIGHT_PUPIL, &chart_right))
    g_assert_not_reached ();
  chart_mid = (HlPoint) { (chart_left.x + chart_right.x) / 2.0, (chart_left.y + chart_right.y) / 2.0 };
  mid = (HlPoint) { (left->p.x + right->p.x) / 2.0, (left->p.y + right->p.y) / 2.0 };

  /* Chart pixels to mm to photo pixels, turned as the pupils' line is
   * turned (the chart's runs along +x from the right pupil to the left). */
  scale = HL_HEAD_CHART_MM_PER_PX / mm_per_px;
  angle = atan2 (dy, dx) - atan2 (chart_left.y - chart_right.y, chart_left.x - chart_right.x);
  c = cos (angle) * scale;
  s = sin (angle) * scale;
  /* The chart's outline has a point every 11 mm or so along its arc; a
   * proposal keeps its corners and a point every KEEP_MM at most, so
   * that about twenty handles, not fifty, crowd the head. */
  for (guint i = 0; i < n; i++)
    {
      double x = from[i].x - chart_mid.x, y = from[i].y - chart_mid.y;
      gboolean corner = hl_curve_is_corner (chart_outline, i);

      if (!corner && kept > 0 && i + 1 < n &&
          hl_point_distance (from[i], last) * HL_HEAD_CHART_MM_PER_PX < KEEP_MM)
        continue;
      to[kept] = (HlPoint) { mid.x + c * x - s * y, mid.y + s * x + c * y };
      corners[kept++] = corner;
      last = from[i];
    }

  outline = hl_curve_new_full (to, corners, kept, TRUE);
  /* A similarity keeps a simple curve simple. */
  g_assert (hl_scalp_outline_check (outline, NULL));
  return outline;
}
