/* test-tool-zone.c: the zone pen, and a rectangle measured after the
 * select tool made its vertices corners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-measure.h"
#include "hl-tool-select.h"
#include "hl-tool-test-util.h"
#include "hl-tool-pen.h"
#include "hl-tool-zone.h"

static const HlZone *
zone_of (HlHistory *history,
         guint      index)
{
  return hl_view_get_zone (hl_test_view (hl_history_get_current (history)), index);
}

static guint
n_zones (HlHistory *history)
{
  return hl_view_get_n_zones (hl_test_view (hl_history_get_current (history)));
}

/* The params of @kind's defaults, apart from the seed. */
static void
assert_kind_defaults (const HlZone *zone,
                      HlZoneKind    kind)
{
  HlZoneParams expect, got = zone->params;

  hl_zone_params_init_for_kind (&expect, kind);
  g_assert_cmpint (zone->kind, ==, kind);
  got.seed = expect.seed;
  g_assert_cmpmem (&got, sizeof got, &expect, sizeof expect);
}

/* 0x00RRGGBB of the overlay's pixel at (@x, @y) (premultiplied, opaque
 * where a handle is filled). */
static guint32
overlay_pixel (HlTool *tool,
               int     x,
               int     y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  hl_tool_draw_overlay (tool, cr, 1.0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = ((const guint32 *) (gconstpointer) (cairo_image_surface_get_data (surface) +
                                              (gsize) y * cairo_image_surface_get_stride (surface)))[x];
  cairo_surface_destroy (surface);
  return pixel & 0xffffff;
}

static void
test_close_on_first_vertex (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0.2);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("zone", hl_test_host (history), NULL, 0);
  const HlPoint expect[] = { { 100, 50 }, { 300, 50 }, { 320, 150 }, { 80, 150 } };
  const HlZone *zone;
  HlToolResult r;
  guint n;

  g_assert_cmpint (hl_tool_zone_get_kind (tool), ==, HL_ZONE_FRONTAL);
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "crosshair");

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      r = hl_test_click (tool, expect[i].x, expect[i].y, 2.0);
      g_assert_true (r & HL_TOOL_CAPTURED);
      g_assert_false (r & HL_TOOL_COMMITTED);
    }
  g_assert_true (hl_tool_get_design (tool) == start);

  /* Away from the first vertex: a rubber band, no closing. */
  hl_test_motion (tool, 150, 120, 2.0);
  g_assert_false (hl_tool_zone_can_close (tool));
  g_assert_cmpuint (overlay_pixel (tool, 100, 50), ==, 0xffffff);
  /* 3 image px from it at zoom 2 (6 screen px): it lights up. */
  r = hl_test_motion (tool, 103, 50, 2.0);
  g_assert_true (r & HL_TOOL_CURSOR);
  g_assert_true (hl_tool_zone_can_close (tool));
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "pointer");
  g_assert_cmpuint (overlay_pixel (tool, 100, 50), !=, 0xffffff);
  g_assert_cmpuint (overlay_pixel (tool, 100, 50), !=, 0);
  /* The closed-so-far shape is filled. */
  g_assert_cmpuint (overlay_pixel (tool, 200, 100), !=, 0);

  r = hl_test_press (tool, 103, 50, 2.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_true (r & HL_TOOL_SELECTION);
  g_assert_true (r & HL_TOOL_CAPTURED);
  hl_test_release (tool, 103, 50, 2.0);

  g_assert_cmpuint (n_zones (history), ==, 1);
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 0);
  zone = zone_of (history, 0);
  g_assert_cmpstr (zone->name, ==, "Frontal band");
  assert_kind_defaults (zone, HL_ZONE_FRONTAL);
  g_assert_true (zone->params.follows_hairline);
  g_assert_true (hl_curve_is_closed (zone->boundary));
  g_assert_cmpuint (hl_curve_get_n_points (zone->boundary), ==, 4);
  g_assert_cmpmem (hl_curve_get_points (zone->boundary), sizeof expect, expect, sizeof expect);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Add zone");
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  hl_tool_zone_get_points (tool, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* Kinds, names with numbers, fresh seeds; ENTER and the double click
 * close too. */
static void
test_kinds_names_seeds (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("zone", hl_test_host (history), NULL, 0);
  guint32 seeds[3];
  HlToolResult r;

  hl_tool_zone_set_kind (tool, HL_ZONE_MID_SCALP);
  hl_test_click (tool, 10, 10, 1.0);
  hl_test_click (tool, 60, 10, 1.0);
  /* Two vertices cannot close. */
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0), ==, HL_TOOL_NOTHING);
  hl_test_click (tool, 60, 60, 1.0);
  r = hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_true (r & HL_TOOL_SELECTION);
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 1);
  g_assert_cmpstr (zone_of (history, 1)->name, ==, "Mid-scalp");
  assert_kind_defaults (zone_of (history, 1), HL_ZONE_MID_SCALP);

  /* A double click: the first press adds the last vertex, the second
   * closes without a duplicate. */
  hl_test_click (tool, 110, 10, 1.0);
  hl_test_click (tool, 160, 10, 1.0);
  hl_test_click (tool, 160, 60, 1.0);
  r = hl_test_double (tool, 160, 60, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_curve_get_n_points (zone_of (history, 2)->boundary), ==, 3);
  g_assert_cmpstr (zone_of (history, 2)->name, ==, "Mid-scalp 2");
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 2);

  hl_tool_zone_set_kind (tool, HL_ZONE_SCAR);
  hl_test_click (tool, 210, 10, 1.0);
  hl_test_click (tool, 260, 10, 1.0);
  hl_test_click (tool, 260, 60, 1.0);
  hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0);
  g_assert_cmpstr (zone_of (history, 3)->name, ==, "Scar");
  assert_kind_defaults (zone_of (history, 3), HL_ZONE_SCAR);

  g_assert_cmpuint (n_zones (history), ==, 4);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 3);
  for (guint i = 0; i < 3; i++)
    seeds[i] = zone_of (history, i + 1)->params.seed;
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (seeds[i], !=, zone_of (history, 0)->params.seed);
      for (guint k = i + 1; k < 3; k++)
        g_assert_cmpuint (seeds[i], !=, seeds[k]);
    }
  /* The first zone is shared by every new design. */
  g_assert_true (zone_of (history, 0) == hl_view_get_zone (hl_test_view (start), 0));
}

static void
test_backspace_escape_cancel (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("zone", hl_test_host (history), NULL, 0);
  const HlPoint *pts;
  guint n;

  hl_test_click (tool, 10, 200, 1.0);
  hl_test_click (tool, 100, 200, 1.0);
  /* A press on the first vertex with two vertices neither closes nor
   * adds one. */
  g_assert_false (hl_test_click (tool, 11, 200, 1.0) & HL_TOOL_COMMITTED);
  hl_tool_zone_get_points (tool, &n);
  g_assert_cmpuint (n, ==, 2);
  hl_test_click (tool, 100, 250, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_BACKSPACE, 1.0) & HL_TOOL_REDRAW);
  pts = hl_tool_zone_get_points (tool, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (pts[1].x, ==, 100);
  g_assert_cmpfloat (pts[1].y, ==, 200);

  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 1.0) & HL_TOOL_REDRAW);
  hl_tool_zone_get_points (tool, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_BACKSPACE, 1.0), ==, HL_TOOL_NOTHING);

  hl_test_click (tool, 10, 200, 1.0);
  hl_test_click (tool, 100, 200, 1.0);
  hl_test_click (tool, 100, 250, 1.0);
  hl_tool_cancel (tool);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_false (hl_history_can_undo (history));
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, -1);
}

/* A 20 × 10 cm rectangle: drawn with the zone pen, its four vertices made
 * corners with the select tool, it measures 200 cm². */
static void
test_rectangle_area (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0.5);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) pen = hl_tool_new_by_name ("zone", hl_test_host (history), NULL, 0);
  g_autoptr(HlTool) select = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  const HlPoint corners[] = { { 50, 40 }, { 450, 40 }, { 450, 240 }, { 50, 240 } };
  double smooth, area;

  hl_tool_zone_set_kind (pen, HL_ZONE_CUSTOM);
  for (guint i = 0; i < 4; i++)
    hl_test_click (pen, corners[i].x, corners[i].y, 1.0);
  g_assert_true (hl_test_click (pen, corners[0].x, corners[0].y, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpstr (zone_of (history, 0)->name, ==, "Zone");

  /* Smooth vertices round the rectangle out. */
  smooth = hl_measure_zone_area_cm2 (hl_test_view (hl_history_get_current (history)), 0);
  g_test_message ("smooth outline: %.2f cm²", smooth);
  g_assert_cmpfloat (fabs (smooth - 200.0), >, 1.0);

  for (guint i = 0; i < 4; i++)
    {
      hl_test_click (select, corners[i].x, corners[i].y, 1.0);
      g_assert_cmpint (hl_tool_select_get_selected (select).kind, ==, HL_HANDLE_ZONE);
      g_assert_true (hl_test_press_key (select, HL_TOOL_KEY_TOGGLE_CORNER, 1.0) & HL_TOOL_COMMITTED);
    }
  for (guint i = 0; i < 4; i++)
    g_assert_true (hl_curve_is_corner (zone_of (history, 0)->boundary, i));

  area = hl_measure_zone_area_cm2 (hl_test_view (hl_history_get_current (history)), 0);
  g_test_message ("with corners: %.4f cm²", area);
  g_assert_cmpfloat (fabs (area - 200.0), <=, 200.0 * 0.005);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 5);
}

/* Shift-clicks place corners while drawing: the rectangle at once, one
 * undo step; Backspace takes a corner back with its point. */
static void
test_corner_clicks (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0.5);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) pen = hl_tool_new_by_name ("zone", hl_test_host (history), NULL, 0);
  const HlPoint corners[] = { { 50, 40 }, { 450, 40 }, { 450, 240 }, { 50, 240 } };
  HlToolEvent press = hl_test_ev (HL_TOOL_PRESS, 300, 300, 1.0);
  double area;

  press.corner = TRUE;
  hl_tool_event (pen, &press);
  g_assert_true (hl_tool_pen_is_corner (pen, 0));
  g_assert_true (hl_test_overlay_pixels (pen, 500, 400, 1.0) > 0);
  hl_test_press_key (pen, HL_TOOL_KEY_BACKSPACE, 1.0);
  g_assert_false (hl_tool_pen_is_corner (pen, 0));

  for (guint i = 0; i < 4; i++)
    {
      HlToolEvent release = hl_test_ev (HL_TOOL_RELEASE, corners[i].x, corners[i].y, 1.0);

      press = hl_test_ev (HL_TOOL_PRESS, corners[i].x, corners[i].y, 1.0);
      press.corner = TRUE;
      hl_tool_event (pen, &press);
      hl_tool_event (pen, &release);
    }
  g_assert_true (hl_test_press_key (pen, HL_TOOL_KEY_ENTER, 1.0) & HL_TOOL_COMMITTED);
  for (guint i = 0; i < 4; i++)
    g_assert_true (hl_curve_is_corner (zone_of (history, 0)->boundary, i));
  area = hl_measure_zone_area_cm2 (hl_test_view (hl_history_get_current (history)), 0);
  g_assert_cmpfloat (fabs (area - 200.0), <=, 1e-9 * 200.0);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/zone/close-on-first-vertex", test_close_on_first_vertex);
  g_test_add_func ("/tools/zone/kinds-names-seeds", test_kinds_names_seeds);
  g_test_add_func ("/tools/zone/backspace-escape-cancel", test_backspace_escape_cancel);
  g_test_add_func ("/tools/zone/rectangle-area", test_rectangle_area);
  g_test_add_func ("/tools/zone/corner-clicks", test_corner_clicks);

  return g_test_run ();
}
