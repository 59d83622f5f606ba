/* test-tool-brush.c: the dot brush and the eraser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-edit.h"
#include "hl-tool-brush.h"
#include "hl-tool-test-util.h"

static const HlView *
current (HlHistory *history)
{
  return hl_test_view (hl_history_get_current (history));
}

static const HlDotEdit *
edit_at (HlHistory *history,
         guint      i)
{
  return &g_array_index (current (history)->edits, HlDotEdit, i);
}

/* The simple design's frontal zone (0,0)–(400,110), 60 dots/cm², on an
 * uncalibrated view (0.15 mm/px): a dot every 10 / √60 mm = 8.607 px. */
static void
test_brush_stroke (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("brush", hl_test_host (history), NULL, 0);
  const HlZoneParams *zp = &hl_view_get_zone (hl_test_view (start), 0)->params;
  HlToolResult r;

  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "crosshair");
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 12.0);

  r = hl_test_press (tool, 100, 50, 1.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  g_assert_true (r & HL_TOOL_PREVIEW);
  g_assert_cmpuint (hl_tool_brush_get_n_pending (tool), ==, 1);
  /* The preview shows the stroke so far; the history has nothing yet. */
  g_assert_cmpuint (hl_test_view (hl_tool_get_design (tool))->edits->len, ==, 1);
  g_assert_false (hl_history_can_undo (history));

  /* 5 px: not yet a spacing. */
  g_assert_false (hl_test_motion (tool, 105, 50, 1.0) & HL_TOOL_PREVIEW);
  g_assert_true (hl_test_motion (tool, 150, 50, 1.0) & HL_TOOL_PREVIEW);
  hl_test_motion (tool, 186, 50, 1.0);
  /* 86 px at 8.607 px: 9 more dots. */
  g_assert_cmpuint (hl_tool_brush_get_n_pending (tool), ==, 10);
  r = hl_test_release (tool, 186, 50, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_tool_brush_get_n_pending (tool), ==, 0);

  g_assert_cmpuint (current (history)->edits->len, ==, 10);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Add dots");
  for (guint i = 0; i < 10; i++)
    {
      const HlDotEdit *e = edit_at (history, i);

      g_assert_cmpint (e->kind, ==, HL_EDIT_ADD);
      g_assert_cmpfloat (e->diameter_mm, ==, zp->dot_mm);
      g_assert_true (hl_color_equal (e->shade, zp->sessions[zp->n_sessions - 1].shade));
      g_assert_cmpuint (e->session, ==, zp->n_sessions - 1);
      g_assert_cmpfloat (e->p.y, ==, 50);
      g_assert_cmpfloat (fabs (e->p.x - (100 + i * 10.0 / sqrt (60.0) / 0.15)), <, 1e-9);
    }
}

static void
test_brush_pressure_and_fallbacks (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  HlPoint square[] = { { 100, 200 }, { 200, 200 }, { 200, 280 }, { 100, 280 } };
  g_autoptr(HlCurve) outline = hl_curve_new (square, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) two = NULL;
  g_autoptr(HlHistory) history = NULL;
  g_autoptr(HlTool) tool = NULL;
  HlToolEvent e;
  HlZoneParams params, defaults;

  hl_zone_params_init (&params);
  params.dot_mm = 0.3;
  params.n_sessions = 2;
  params.sessions[0].share = 0.5;
  params.sessions[1].share = 0.5;
  params.sessions[1].shade = (HlColor) { 0x12, 0x34, 0x56 };
  zone = hl_zone_new ("Crown", HL_ZONE_CROWN, outline, &params);
  two = hl_edit_add_zone (start, 0, zone);
  history = hl_history_new (two, 50);
  tool = hl_tool_new_by_name ("brush", hl_test_host (history), NULL, 0);

  /* A stylus: diameter × (0.5 + pressure). */
  e = hl_test_ev (HL_TOOL_PRESS, 150, 240, 1.0);
  e.has_pressure = TRUE;
  e.pressure = 1.0;
  hl_tool_event (tool, &e);
  hl_test_release (tool, 150, 240, 1.0);
  e.pressure = 0.0;
  hl_tool_event (tool, &e);
  hl_test_release (tool, 150, 240, 1.0);
  /* A pressure without has_pressure is a mouse's: ignored. */
  e.has_pressure = FALSE;
  e.pressure = 0.2;
  hl_tool_event (tool, &e);
  hl_test_release (tool, 150, 240, 1.0);
  g_assert_cmpuint (current (history)->edits->len, ==, 3);
  g_assert_cmpfloat (fabs (edit_at (history, 0)->diameter_mm - 0.45), <, 1e-12);
  g_assert_cmpfloat (fabs (edit_at (history, 1)->diameter_mm - 0.15), <, 1e-12);
  g_assert_cmpfloat (edit_at (history, 2)->diameter_mm, ==, 0.3);
  g_assert_true (hl_color_equal (edit_at (history, 0)->shade, params.sessions[1].shade));
  g_assert_cmpuint (edit_at (history, 0)->session, ==, 1);

  /* Outside every zone: the selected zone's, else a zone's defaults. */
  hl_test_click (tool, 300, 250, 1.0);
  hl_tool_set_selected_zone (tool, 1);
  hl_test_click (tool, 300, 250, 1.0);
  hl_zone_params_init (&defaults);
  g_assert_cmpfloat (edit_at (history, 3)->diameter_mm, ==, 0.25);
  g_assert_true (hl_color_equal (edit_at (history, 3)->shade, defaults.sessions[defaults.n_sessions - 1].shade));
  g_assert_cmpuint (edit_at (history, 3)->session, ==, defaults.n_sessions - 1);
  g_assert_cmpfloat (edit_at (history, 4)->diameter_mm, ==, 0.3);
  g_assert_true (hl_color_equal (edit_at (history, 4)->shade, params.sessions[1].shade));
  g_assert_cmpuint (hl_test_count_undo (history), ==, 5);
}

static void
test_eraser (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("eraser", hl_test_host (history), NULL, 0);

  g_assert_cmpstr (hl_tool_get_name (tool), ==, "eraser");
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "cell");

  /* Radius 12 screen px at zoom 1: a removal every 6 px. */
  hl_test_press (tool, 100, 50, 1.0);
  hl_test_motion (tool, 130, 50, 1.0);
  hl_test_motion (tool, 130, 80, 1.0);
  g_assert_true (hl_test_release (tool, 130, 80, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (current (history)->edits->len, ==, 11);
  for (guint i = 0; i < 11; i++)
    {
      g_assert_cmpint (edit_at (history, i)->kind, ==, HL_EDIT_REMOVE);
      g_assert_cmpfloat (edit_at (history, i)->radius_px, ==, 12.0);
    }
  g_assert_cmpfloat (edit_at (history, 5)->p.x, ==, 130);
  g_assert_cmpfloat (edit_at (history, 5)->p.y, ==, 50);
  g_assert_cmpfloat (edit_at (history, 10)->p.y, ==, 80);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Erase dots");

  /* At zoom 2 the same screen radius is 6 image px. */
  hl_test_click (tool, 300, 50, 2.0);
  g_assert_cmpfloat (edit_at (history, 11)->radius_px, ==, 6.0);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 2);
}

static void
test_radius_keys (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("brush", hl_test_host (history), NULL, 0);

  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0) & HL_TOOL_REDRAW);
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 15.0);
  hl_test_press_key (tool, HL_TOOL_KEY_SHRINK, 1.0);
  g_assert_cmpfloat (fabs (hl_tool_brush_get_radius (tool) - 12.0), <, 1e-12);
  for (guint i = 0; i < 40; i++)
    hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0);
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 200.0);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0), ==, HL_TOOL_NOTHING);
  for (guint i = 0; i < 40; i++)
    hl_test_press_key (tool, HL_TOOL_KEY_SHRINK, 1.0);
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 2.0);
  hl_tool_brush_set_radius (tool, 1000);
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 200.0);
  g_assert_false (hl_history_can_undo (history));
}

static void
test_cancel_and_overlay (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("brush", hl_test_host (history), NULL, 0);
  guint small, large;

  /* No pointer yet: no circle. */
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), ==, 0);
  g_assert_cmpint (hl_test_release (tool, 10, 10, 1.0), ==, HL_TOOL_NOTHING);

  hl_test_press (tool, 100, 50, 1.0);
  hl_test_motion (tool, 200, 50, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 1.0) & HL_TOOL_PREVIEW);
  g_assert_true (hl_tool_get_design (tool) == start);
  g_assert_cmpint (hl_test_release (tool, 200, 50, 1.0), ==, HL_TOOL_NOTHING);

  hl_test_press (tool, 100, 50, 1.0);
  hl_test_motion (tool, 200, 50, 1.0);
  hl_tool_cancel (tool);
  g_assert_true (hl_tool_get_design (tool) == start);
  g_assert_false (hl_history_can_undo (history));

  /* The circle follows the pointer and grows with the radius. */
  hl_test_motion (tool, 200, 150, 1.0);
  small = hl_test_overlay_pixels (tool, 400, 300, 1.0);
  g_assert_cmpuint (small, >, 50);
  hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0);
  hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0);
  large = hl_test_overlay_pixels (tool, 400, 300, 1.0);
  g_assert_cmpuint (large, >, small);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/brush/stroke", test_brush_stroke);
  g_test_add_func ("/tools/brush/pressure-and-fallbacks", test_brush_pressure_and_fallbacks);
  g_test_add_func ("/tools/brush/eraser", test_eraser);
  g_test_add_func ("/tools/brush/radius-keys", test_radius_keys);
  g_test_add_func ("/tools/brush/cancel-and-overlay", test_cancel_and_overlay);

  return g_test_run ();
}
