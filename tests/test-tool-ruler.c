/* test-tool-ruler.c: calibration from a ruler, the pupils or an iris.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-error.h"
#include "hl-edit.h"
#include "hl-tool-ruler.h"
#include "hl-tool-test-util.h"

static const HlView *
current (HlHistory *history)
{
  return hl_test_view (hl_history_get_current (history));
}

static void
assert_point (HlPoint p,
              double  x,
              double  y)
{
  g_assert_cmpfloat (p.x, ==, x);
  g_assert_cmpfloat (p.y, ==, y);
}

static void
test_drag_ruler (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("ruler", hl_test_host (history), NULL, 0);
  g_autoptr(GError) error = NULL;
  const HlCalibration *cal;
  HlToolResult r;
  HlPoint a, b;

  g_assert_cmpint (hl_tool_ruler_get_mode (tool), ==, HL_RULER_DRAG);
  g_assert_cmpfloat (hl_tool_ruler_get_suggested_mm (tool), ==, 10.0);
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), ==, 0);

  r = hl_test_press (tool, 100, 100, 1.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  g_assert_false (r & HL_TOOL_ASK_LENGTH);
  g_assert_true (hl_test_motion (tool, 150, 100, 1.0) & HL_TOOL_REDRAW);
  /* The line, its ticks and its length in px while dragging. */
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), >, 100);
  g_assert_false (hl_tool_ruler_get_segment (tool, NULL, NULL));
  r = hl_test_release (tool, 200, 100, 1.0);
  g_assert_true (r & HL_TOOL_ASK_LENGTH);
  g_assert_true (hl_tool_ruler_get_segment (tool, &a, &b));
  assert_point (a, 100, 100);
  assert_point (b, 200, 100);
  g_assert_false (hl_history_can_undo (history));

  g_assert_true (hl_tool_ruler_apply (tool, 50.0, &error));
  g_assert_no_error (error);
  cal = &current (history)->calibration;
  g_assert_cmpint (cal->source, ==, HL_CALIBRATION_RULER);
  g_assert_cmpfloat (cal->mm_per_px, ==, 0.5);
  g_assert_cmpfloat (cal->uncertainty, ==, 0.02);
  g_assert_true (cal->has_reference);
  assert_point (cal->ref_a, 100, 100);
  assert_point (cal->ref_b, 200, 100);
  g_assert_cmpfloat (cal->ref_mm, ==, 50.0);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Calibrate from a ruler");
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  /* No landmarks from a ruler. */
  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    g_assert_false (current (history)->landmarks[l].set);
  /* The segment is used up; the last length is offered next. */
  g_assert_false (hl_tool_ruler_get_segment (tool, NULL, NULL));
  g_assert_cmpfloat (hl_tool_ruler_get_suggested_mm (tool), ==, 50.0);
  g_assert_false (hl_tool_ruler_apply (tool, 50.0, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_ARGUMENT);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
}

static void
test_bad_lengths (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("ruler", hl_test_host (history), NULL, 0);
  const double bad[] = { NAN, INFINITY, -INFINITY, 0.0, -5.0, 1000.5, 1e300 };

  /* A segment shorter than 2 px is not asked about. */
  hl_test_press (tool, 100, 100, 1.0);
  g_assert_false (hl_test_release (tool, 101.5, 100, 1.0) & HL_TOOL_ASK_LENGTH);
  g_assert_false (hl_tool_ruler_get_segment (tool, NULL, NULL));

  hl_test_press (tool, 100, 100, 1.0);
  g_assert_true (hl_test_release (tool, 100, 140, 1.0) & HL_TOOL_ASK_LENGTH);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (hl_tool_ruler_apply (tool, bad[i], &error));
      g_assert_error (error, HL_ERROR, HL_ERROR_ARGUMENT);
      /* The segment stays for another try. */
      g_assert_true (hl_tool_ruler_get_segment (tool, NULL, NULL));
    }
  g_assert_false (hl_history_can_undo (history));
  g_assert_true (hl_tool_ruler_apply (tool, 1000.0, NULL));
  g_assert_cmpfloat (current (history)->calibration.mm_per_px, ==, 25.0);

  /* Cancelling the segment instead. */
  hl_test_press (tool, 10, 10, 1.0);
  hl_test_release (tool, 10, 60, 1.0);
  hl_tool_ruler_cancel_segment (tool);
  g_assert_false (hl_tool_ruler_get_segment (tool, NULL, NULL));
  g_assert_false (hl_tool_ruler_apply (tool, 10.0, NULL));
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
}

static void
test_escape_cancel_mode (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("ruler", hl_test_host (history), NULL, 0);

  hl_test_press (tool, 100, 100, 1.0);
  hl_test_motion (tool, 150, 100, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 1.0) & HL_TOOL_REDRAW);
  g_assert_false (hl_test_release (tool, 200, 100, 1.0) & HL_TOOL_ASK_LENGTH);
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), ==, 0);

  hl_test_press (tool, 100, 100, 1.0);
  hl_tool_cancel (tool);
  g_assert_false (hl_test_release (tool, 200, 100, 1.0) & HL_TOOL_ASK_LENGTH);

  hl_test_press (tool, 100, 100, 1.0);
  hl_test_release (tool, 200, 100, 1.0);
  hl_tool_ruler_set_mode (tool, HL_RULER_IPD);
  g_assert_false (hl_tool_ruler_get_segment (tool, NULL, NULL));
  g_assert_false (hl_history_can_undo (history));
}

static void
test_ipd (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("ruler", hl_test_host (history), NULL, 0);
  g_autoptr(GError) error = NULL;
  const HlView *view;
  HlToolResult r;

  hl_tool_ruler_set_mode (tool, HL_RULER_IPD);
  g_assert_cmpfloat (hl_tool_ruler_get_suggested_mm (tool), ==, 63.0);

  /* The pupil on the image's right first: it is the client's left. */
  r = hl_test_click (tool, 300, 100, 1.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  g_assert_false (r & HL_TOOL_ASK_LENGTH);
  /* A rubber band to the pointer. */
  g_assert_true (hl_test_motion (tool, 250, 110, 1.0) & HL_TOOL_REDRAW);
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), >, 50);
  /* The second press of a double click on the first pupil is ignored. */
  g_assert_false (hl_test_double (tool, 300, 100, 1.0) & HL_TOOL_ASK_LENGTH);
  r = hl_test_click (tool, 252, 136, 1.0);
  g_assert_true (r & HL_TOOL_ASK_LENGTH);

  g_assert_true (hl_tool_ruler_apply (tool, 63.0, &error));
  g_assert_no_error (error);
  view = current (history);
  g_assert_cmpint (view->calibration.source, ==, HL_CALIBRATION_IPD);
  g_assert_cmpfloat (view->calibration.mm_per_px, ==, 63.0 / 60.0);
  g_assert_cmpfloat (view->calibration.uncertainty, ==, 0.08);
  g_assert_cmpfloat (view->calibration.ref_mm, ==, 63.0);
  g_assert_true (view->landmarks[HL_LANDMARK_LEFT_PUPIL].set);
  g_assert_true (view->landmarks[HL_LANDMARK_RIGHT_PUPIL].set);
  assert_point (view->landmarks[HL_LANDMARK_LEFT_PUPIL].p, 300, 100);
  assert_point (view->landmarks[HL_LANDMARK_RIGHT_PUPIL].p, 252, 136);
  g_assert_false (view->landmarks[HL_LANDMARK_GLABELLA].set);
  /* Calibration and both pupils: one undo step. */
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Calibrate from the pupils");
  hl_history_undo (history);
  g_assert_false (current (history)->landmarks[HL_LANDMARK_LEFT_PUPIL].set);
  g_assert_cmpint (current (history)->calibration.source, ==, HL_CALIBRATION_NONE);
}

static void
test_iris (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0);
  g_autoptr(HlDesign) with_glabella = hl_edit_set_landmark (start, 0, HL_LANDMARK_GLABELLA, TRUE,
                                                            (HlPoint) { 270, 90 });
  g_autoptr(HlHistory) history = hl_history_new (with_glabella, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("ruler", hl_test_host (history), NULL, 0);
  const HlView *view;

  hl_tool_ruler_set_mode (tool, HL_RULER_IRIS);
  g_assert_cmpfloat (hl_tool_ruler_get_suggested_mm (tool), ==, 11.7);

  /* Right of the glabella (though left of the image's centre, 200): the
   * client's left iris. */
  hl_test_click (tool, 292, 100, 1.0);
  g_assert_true (hl_test_click (tool, 280, 100, 1.0) & HL_TOOL_ASK_LENGTH);
  g_assert_true (hl_tool_ruler_apply (tool, 11.7, NULL));
  view = current (history);
  g_assert_cmpint (view->calibration.source, ==, HL_CALIBRATION_IRIS);
  g_assert_cmpfloat (fabs (view->calibration.mm_per_px - 11.7 / 12.0), <, 1e-12);
  g_assert_cmpfloat (view->calibration.uncertainty, ==, 0.10);
  assert_point (view->landmarks[HL_LANDMARK_LEFT_IRIS_EDGE_A].p, 280, 100);
  assert_point (view->landmarks[HL_LANDMARK_LEFT_IRIS_EDGE_B].p, 292, 100);
  g_assert_false (view->landmarks[HL_LANDMARK_RIGHT_IRIS_EDGE_A].set);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);

  /* Left of the glabella: the client's right iris. */
  hl_test_click (tool, 250, 100, 1.0);
  hl_test_click (tool, 262, 101, 1.0);
  g_assert_true (hl_tool_ruler_apply (tool, 12.0, NULL));
  view = current (history);
  assert_point (view->landmarks[HL_LANDMARK_RIGHT_IRIS_EDGE_A].p, 250, 100);
  assert_point (view->landmarks[HL_LANDMARK_RIGHT_IRIS_EDGE_B].p, 262, 101);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 2);
}

/* Without a glabella the side follows the image's centre (x = 200). */
static void
test_iris_without_glabella (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("ruler", hl_test_host (history), NULL, 0);

  hl_tool_ruler_set_mode (tool, HL_RULER_IRIS);
  hl_test_click (tool, 150, 100, 1.0);
  hl_test_click (tool, 162, 100, 1.0);
  g_assert_true (hl_tool_ruler_apply (tool, 11.7, NULL));
  g_assert_true (current (history)->landmarks[HL_LANDMARK_RIGHT_IRIS_EDGE_A].set);
  g_assert_false (current (history)->landmarks[HL_LANDMARK_LEFT_IRIS_EDGE_A].set);

  hl_test_click (tool, 220, 100, 1.0);
  hl_test_click (tool, 232, 100, 1.0);
  g_assert_true (hl_tool_ruler_apply (tool, 11.7, NULL));
  g_assert_true (current (history)->landmarks[HL_LANDMARK_LEFT_IRIS_EDGE_A].set);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/ruler/drag", test_drag_ruler);
  g_test_add_func ("/tools/ruler/bad-lengths", test_bad_lengths);
  g_test_add_func ("/tools/ruler/escape-cancel-mode", test_escape_cancel_mode);
  g_test_add_func ("/tools/ruler/ipd", test_ipd);
  g_test_add_func ("/tools/ruler/iris", test_iris);
  g_test_add_func ("/tools/ruler/iris-without-glabella", test_iris_without_glabella);

  return g_test_run ();
}
