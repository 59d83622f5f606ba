/* test-tool-outline.c: the scalp outline of a photo: proposed from the
 * pupils and the calibration, drawn with the outline pen, adjusted with
 * the select tool; one that would cross itself is never committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-edit.h"
#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-scalp-proposal.h"
#include "hl-tool-select.h"
#include "hl-tool-test-util.h"
#include "hl-tool-zone.h"

/* Twice the signed area of a closed polygon, px². */
static double
polygon_area (const HlCurve *curve)
{
  const HlPoint *p = hl_curve_get_points (curve);
  guint n = hl_curve_get_n_points (curve);
  double a = 0.0;

  for (guint i = 0; i < n; i++)
    a += p[i].x * p[(i + 1) % n].y - p[(i + 1) % n].x * p[i].y;
  return fabs (a) / 2.0;
}

/* On the front chart, whose landmarks and calibration are the chart's
 * own, the proposal is the chart's outline with fewer points: every
 * corner, and never more than 28 mm of the outline skipped. */
static void
test_proposal_on_chart (void)
{
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, "front");
  g_autoptr(GError) error = NULL;
  g_autoptr(HlCurve) proposed = hl_scalp_outline_propose (view, &error);
  HlCurve *chart = hl_head_chart_get_scalp_outline (HL_HEAD_CHART_FRONT);
  const HlPoint *c = hl_curve_get_points (chart), *p;
  guint n = hl_curve_get_n_points (chart), j = 0, n_corners = 0;

  g_assert_no_error (error);
  p = hl_curve_get_points (proposed);
  g_test_message ("chart outline %u points, proposal %u", n, hl_curve_get_n_points (proposed));
  g_assert_cmpuint (hl_curve_get_n_points (proposed), <=, 26);
  g_assert_cmpuint (hl_curve_get_n_points (proposed), >=, 12);
  for (guint i = 0; i < n; i++)
    {
      n_corners += hl_curve_is_corner (chart, i);
      if (j < hl_curve_get_n_points (proposed) &&
          fabs (p[j].x - c[i].x) < 1e-6 && fabs (p[j].y - c[i].y) < 1e-6)
        {
          g_assert_cmpint (hl_curve_is_corner (proposed, j), ==, hl_curve_is_corner (chart, i));
          j++;
        }
      else
        {
          /* A skipped point: smooth, and within 28 mm of the last kept. */
          g_assert_false (hl_curve_is_corner (chart, i));
          g_assert_cmpuint (j, >, 0);
          g_assert_cmpfloat (hl_point_distance (c[i], p[j - 1]) * HL_HEAD_CHART_MM_PER_PX, <, 28.0);
        }
    }
  /* Every proposed point is one of the chart's, in order. */
  g_assert_cmpuint (j, ==, hl_curve_get_n_points (proposed));
  g_assert_cmpuint (n_corners, >, 0);
}

/* A tilted photo at 0.5 mm/px: the outline turns with the pupils' line,
 * shrinks by 0.1 / 0.5 per side, and keeps its place relative to them;
 * uncalibrated, the pupils' distance sizes it as 63 mm. */
static void
test_proposal_on_photo (void)
{
  g_autoptr(HlDesign) design = hl_test_empty_design (0.5);
  const HlView *view;
  g_autoptr(HlDesign) with_pupils = NULL;
  g_autoptr(HlDesign) uncalibrated = NULL;
  g_autoptr(HlCurve) proposed = NULL;
  g_autoptr(HlCurve) sized_by_ipd = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlView) chart_view = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, "front");
  g_autoptr(HlCurve) chart = hl_scalp_outline_propose (chart_view, NULL);
  HlPoint chart_left, chart_right, right = { 150, 160 }, left;
  double angle = 10.0 * G_PI / 180.0, apart = 80.0;

  /* Without pupils: a message, nothing else. */
  g_assert_null (hl_scalp_outline_propose (hl_test_view (design), &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_ARGUMENT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  left = (HlPoint) { right.x + apart * cos (angle), right.y + apart * sin (angle) };
  with_pupils = hl_edit_set_landmark (design, 0, HL_LANDMARK_RIGHT_PUPIL, TRUE, right);
  g_clear_pointer (&design, hl_design_unref);
  design = hl_edit_set_landmark (with_pupils, 0, HL_LANDMARK_LEFT_PUPIL, TRUE, left);
  view = hl_test_view (design);
  proposed = hl_scalp_outline_propose (view, &error);
  g_assert_no_error (error);
  g_assert_true (hl_scalp_outline_check (proposed, NULL));
  g_assert_cmpfloat_with_epsilon (polygon_area (proposed) / polygon_area (chart), 0.04, 1e-9);

  /* The top of the chart's outline (its least y) lies 125 mm above the
   * glabella, 132 mm above the pupils: on the photo, 264 px from their
   * midpoint, across the tilted line. */
  g_assert_true (hl_head_chart_get_landmark (HL_HEAD_CHART_FRONT, HL_LANDMARK_LEFT_PUPIL, &chart_left));
  g_assert_true (hl_head_chart_get_landmark (HL_HEAD_CHART_FRONT, HL_LANDMARK_RIGHT_PUPIL, &chart_right));
  {
    const HlPoint *c = hl_curve_get_points (chart), *p = hl_curve_get_points (proposed);
    HlPoint mid = { (left.x + right.x) / 2, (left.y + right.y) / 2 };
    guint top = 0;

    for (guint i = 1; i < hl_curve_get_n_points (chart); i++)
      if (c[i].y < c[top].y)
        top = i;
    /* Distance from the pupils' line (its normal) scales by 0.2. */
    g_assert_cmpfloat_with_epsilon (-(p[top].x - mid.x) * sin (angle) + (p[top].y - mid.y) * cos (angle),
                                    0.2 * (c[top].y - chart_left.y), 1e-6);
  }

  /* Uncalibrated: 80 px between the pupils read as 63 mm. */
  {
    HlCalibration none = { 0 };

    none.source = HL_CALIBRATION_NONE;
    uncalibrated = hl_edit_set_calibration (design, 0, &none);
  }
  sized_by_ipd = hl_scalp_outline_propose (hl_test_view (uncalibrated), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (polygon_area (sized_by_ipd) / polygon_area (chart),
                                  pow (0.1 / (HL_IPD_MM / apart), 2.0), 1e-9);
}

/* The pen: four clicks and Enter make the view's own outline, one undo
 * step; a path that crosses itself does not close. */
static void
test_pen (void)
{
  g_autoptr(HlDesign) design = hl_test_empty_design (0.5);
  g_autoptr(HlHistory) history = hl_history_new (design, 10);
  g_autoptr(HlTool) pen = hl_tool_new_by_name ("outline", hl_test_host (history), NULL, 0);
  const HlView *view;
  HlToolResult r;

  g_assert_cmpstr (hl_tool_get_name (pen), ==, "outline");

  /* A bow tie: (20,20) (200,200) (200,20) (20,200). */
  hl_test_click (pen, 20, 20, 1.0);
  hl_test_click (pen, 200, 200, 1.0);
  hl_test_click (pen, 200, 20, 1.0);
  hl_test_click (pen, 20, 200, 1.0);
  g_assert_cmpuint (hl_test_overlay_pixels (pen, 400, 300, 1.0), >, 0);
  r = hl_test_press_key (pen, HL_TOOL_KEY_ENTER, 1.0);
  g_assert_false (r & HL_TOOL_COMMITTED);
  g_assert_null (hl_test_view (hl_history_get_current (history))->scalp_outline);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 0);

  /* Backspace twice, then the square's last corners. */
  hl_test_press_key (pen, HL_TOOL_KEY_BACKSPACE, 1.0);
  hl_test_press_key (pen, HL_TOOL_KEY_BACKSPACE, 1.0);
  hl_test_click (pen, 20, 200, 1.0);
  r = hl_test_click (pen, 20, 20, 1.0);   /* on the first point: closes */
  g_assert_true (r & HL_TOOL_COMMITTED);
  view = hl_test_view (hl_history_get_current (history));
  g_assert_nonnull (view->scalp_outline);
  g_assert_cmpuint (hl_curve_get_n_points (view->scalp_outline), ==, 3);
  g_assert_true (hl_scalp_outline_check (view->scalp_outline, NULL));
  g_assert_true (hl_view_get_scalp_outline (view) == view->scalp_outline);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
}

/* The select tool moves, inserts and removes points of the view's own
 * outline, and refuses a move that would make it cross itself. */
static void
test_select_adjusts (void)
{
  static const HlPoint square[] = { { 100, 50 }, { 300, 50 }, { 300, 250 }, { 100, 250 } };
  static const gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(HlDesign) base = hl_test_empty_design (0.5);
  g_autoptr(HlCurve) outline = hl_curve_new_full (square, corners, 4, TRUE);
  g_autoptr(HlDesign) design = hl_edit_set_scalp_outline (base, 0, outline);
  g_autoptr(HlHistory) history = hl_history_new (design, 10);
  g_autoptr(HlTool) select = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  const HlView *view;
  HlHandle h;
  HlToolResult r;

  h = hl_handle_find (hl_test_view (design), (HlPoint) { 301, 49 }, 5.0);
  g_assert_cmpint (h.kind, ==, HL_HANDLE_OUTLINE);
  g_assert_cmpuint (h.point, ==, 1);

  /* A drag of (300,50) to (330,40): committed. */
  r = hl_test_press (select, 300, 50, 1.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  hl_test_motion (select, 330, 40, 1.0);
  r = hl_test_release (select, 330, 40, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  view = hl_test_view (hl_history_get_current (history));
  g_assert_cmpfloat (hl_curve_get_points (view->scalp_outline)[1].x, ==, 330);
  g_assert_cmpfloat (hl_curve_get_points (view->scalp_outline)[1].y, ==, 40);

  /* Dragging (100,250) across to (400,150) would cross: the point stays. */
  hl_test_press (select, 100, 250, 1.0);
  hl_test_motion (select, 400, 150, 1.0);
  r = hl_test_release (select, 400, 150, 1.0);
  g_assert_false (r & HL_TOOL_COMMITTED);
  view = hl_test_view (hl_history_get_current (history));
  g_assert_cmpfloat (hl_curve_get_points (view->scalp_outline)[3].x, ==, 100);
  g_assert_true (hl_scalp_outline_check (view->scalp_outline, NULL));

  /* A double click on the bottom edge adds a point; Delete removes it. */
  r = hl_test_double (select, 200, 250, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  view = hl_test_view (hl_history_get_current (history));
  g_assert_cmpuint (hl_curve_get_n_points (view->scalp_outline), ==, 5);
  g_assert_cmpint (hl_tool_select_get_selected (select).kind, ==, HL_HANDLE_OUTLINE);
  r = hl_test_press_key (select, HL_TOOL_KEY_DELETE, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  view = hl_test_view (hl_history_get_current (history));
  g_assert_cmpuint (hl_curve_get_n_points (view->scalp_outline), ==, 4);

  /* Tab reaches the outline's points from the keyboard. */
  h = hl_handle_step (view, (HlHandle) { HL_HANDLE_NONE, 0, 0 }, TRUE);
  g_assert_cmpint (h.kind, ==, HL_HANDLE_OUTLINE);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tool-outline/proposal-on-chart", test_proposal_on_chart);
  g_test_add_func ("/tool-outline/proposal-on-photo", test_proposal_on_photo);
  g_test_add_func ("/tool-outline/pen", test_pen);
  g_test_add_func ("/tool-outline/select-adjusts", test_select_adjusts);
  return g_test_run ();
}
