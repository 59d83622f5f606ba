/* test-tool-hairline.c: the hairline pen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-tool-hairline.h"
#include "hl-tool-test-util.h"

static const HlCurve *
hairline_of (HlHistory *history)
{
  return hl_test_view (hl_history_get_current (history))->hairline;
}

static void
test_draw_and_enter (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("hairline", hl_test_host (history), NULL, 0);
  const HlPoint expect[] = { { 20, 150 }, { 120, 110 }, { 220, 100 }, { 320, 140 } };
  const HlCurve *hair;
  guint n;

  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "crosshair");
  /* Nothing placed: no overlay, Enter does nothing. */
  g_assert_cmpint (hl_test_motion (tool, 10, 10, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), ==, 0);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0), ==, HL_TOOL_NOTHING);

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      HlToolResult r = hl_test_press (tool, expect[i].x, expect[i].y, 1.0);

      g_assert_true (r & HL_TOOL_CAPTURED);
      g_assert_true (r & HL_TOOL_REDRAW);
      g_assert_false (r & HL_TOOL_COMMITTED);
      /* A drag after a press adds nothing; the release neither. */
      hl_test_motion (tool, expect[i].x + 5, expect[i].y, 1.0);
      g_assert_cmpint (hl_test_release (tool, expect[i].x + 5, expect[i].y, 1.0), ==, HL_TOOL_NOTHING);
    }
  /* A press on the last point again adds no duplicate. */
  hl_test_click (tool, 320, 140, 1.0);
  hl_tool_hairline_get_points (tool, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (hl_history_can_undo (history));
  /* Nothing in the design until it is finished. */
  g_assert_true (hl_tool_get_design (tool) == start);

  /* The rubber band follows the pointer. */
  g_assert_true (hl_test_motion (tool, 380, 200, 1.0) & HL_TOOL_REDRAW);
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), >, 300);

  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0) & HL_TOOL_COMMITTED);
  hair = hairline_of (history);
  g_assert_false (hl_curve_is_closed (hair));
  g_assert_cmpuint (hl_curve_get_n_points (hair), ==, 4);
  g_assert_cmpmem (hl_curve_get_points (hair), sizeof expect, expect, sizeof expect);
  g_assert_false (hl_curve_has_corners (hair));
  /* It replaced the old hairline; the zone is untouched and shared. */
  g_assert_true (hl_view_get_zone (hl_test_view (hl_history_get_current (history)), 0) ==
                 hl_view_get_zone (hl_test_view (start), 0));
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Draw hairline");
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  hl_tool_hairline_get_points (tool, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), ==, 0);

  hl_history_undo (history);
  g_assert_true (hl_history_get_current (history) == start);
}

/* A double click finishes; its second press adds no point. */
static void
test_double_click_finishes (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0.2);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("hairline", hl_test_host (history), NULL, 0);
  const HlPoint expect[] = { { 10, 100 }, { 200, 60 }, { 390, 100 } };
  HlToolResult r;

  g_assert_null (hl_test_view (start)->hairline);

  /* One point and a double click on it: still too few, nothing. */
  hl_test_click (tool, 10, 100, 1.0);
  r = hl_test_double (tool, 10, 100, 1.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  g_assert_false (r & HL_TOOL_COMMITTED);

  hl_test_click (tool, 200, 60, 1.0);
  /* A double click at the last point: the first press places it... */
  hl_test_click (tool, 390, 100, 1.0);
  /* ...the second finishes. */
  r = hl_test_double (tool, 390, 100, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  hl_test_release (tool, 390, 100, 1.0);
  g_assert_cmpuint (hl_curve_get_n_points (hairline_of (history)), ==, 3);
  g_assert_cmpmem (hl_curve_get_points (hairline_of (history)), sizeof expect, expect, sizeof expect);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
}

static void
test_backspace_escape_cancel (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("hairline", hl_test_host (history), NULL, 0);
  const HlPoint expect[] = { { 10, 10 }, { 30, 30 } };
  const HlPoint *pts;
  guint n;

  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_BACKSPACE, 1.0), ==, HL_TOOL_NOTHING);
  hl_test_click (tool, 10, 10, 1.0);
  hl_test_click (tool, 20, 20, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_BACKSPACE, 1.0) & HL_TOOL_REDRAW);
  hl_test_click (tool, 30, 30, 1.0);
  pts = hl_tool_hairline_get_points (tool, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpmem (pts, sizeof expect, expect, sizeof expect);

  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 1.0) & HL_TOOL_REDRAW);
  hl_tool_hairline_get_points (tool, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0), ==, HL_TOOL_NOTHING);

  /* A system cancel abandons the line as well. */
  hl_test_click (tool, 10, 10, 1.0);
  hl_test_click (tool, 50, 10, 1.0);
  g_assert_true (hl_tool_cancel (tool) & HL_TOOL_REDRAW);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_false (hl_history_can_undo (history));
  g_assert_true (hl_history_get_current (history) == start);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/hairline/draw-and-enter", test_draw_and_enter);
  g_test_add_func ("/tools/hairline/double-click-finishes", test_double_click_finishes);
  g_test_add_func ("/tools/hairline/backspace-escape-cancel", test_backspace_escape_cancel);

  return g_test_run ();
}
