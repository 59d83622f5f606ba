/* test-tools.c: editing tools as state machines, driven by toolkit-free
 * events as the canvas will send them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-design-io.h"
#include "hl-stippler.h"
#include "hl-tool-handles.h"

static HlDesign *
make_design (void)
{
  HlDesign *design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  HlPoint hair[] = { { 0, 100 }, { 100, 80 }, { 200, 70 }, { 300, 80 }, { 400, 100 } };
  HlPoint box[] = { { 0, 0 }, { 400, 0 }, { 400, 110 }, { 0, 110 } };
  g_autoptr(HlCurve) hc = hl_curve_new (hair, 5, FALSE);
  g_autoptr(HlCurve) zc = hl_curve_new (box, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;

  hl_zone_params_init (&zp);
  zp.follows_hairline = TRUE;
  zone = hl_zone_new ("Frontal", HL_ZONE_FRONTAL, zc, &zp);
  hl_view_set_hairline (view, hc);
  hl_view_append_zone (view, zone);
  hl_design_append_view (design, view);
  return design;
}

static HlToolEvent
ev (HlToolEventType type,
    double          x,
    double          y,
    double          zoom)
{
  HlToolEvent e = { type, { x, y }, zoom, 1.0, HL_TOOL_KEY_NONE, FALSE };

  return e;
}

static HlPoint
hair_point (HlDesign *design,
            guint     i)
{
  return hl_curve_get_points (hl_design_get_view (design, 0)->hairline)[i];
}

static void
test_drag_hairline_point (void)
{
  g_autoptr(HlDesign) start = make_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlToolHandles) tool = hl_tool_handles_new (history, 0);
  HlToolEvent e;
  HlToolResult r;
  HlDesign *preview;

  /* Nothing under the pointer. */
  e = ev (HL_TOOL_PRESS, 150, 20, 2.0);
  g_assert_cmpint (hl_tool_handles_event (tool, &e), ==, HL_TOOL_NOTHING);
  e = ev (HL_TOOL_RELEASE, 150, 20, 2.0);
  g_assert_cmpint (hl_tool_handles_event (tool, &e), ==, HL_TOOL_NOTHING);

  /* Hover: 3 image px away is within 8 screen px at zoom 2 (4 image px). */
  e = ev (HL_TOOL_MOTION, 203, 70, 2.0);
  r = hl_tool_handles_event (tool, &e);
  g_assert_true (r & HL_TOOL_CURSOR);
  g_assert_cmpint (hl_tool_handles_get_hover (tool).kind, ==, HL_HANDLE_HAIRLINE);
  g_assert_cmpuint (hl_tool_handles_get_hover (tool).point, ==, 2);
  /* 5 px away is not, at that zoom. */
  e = ev (HL_TOOL_MOTION, 205, 70, 2.0);
  hl_tool_handles_event (tool, &e);
  g_assert_cmpint (hl_tool_handles_get_hover (tool).kind, ==, HL_HANDLE_NONE);

  /* Drag by (+10, +5) from a press 3 px off the point. */
  e = ev (HL_TOOL_PRESS, 203, 70, 2.0);
  g_assert_true (hl_tool_handles_event (tool, &e) & HL_TOOL_REDRAW);
  g_assert_true (hl_tool_handles_is_dragging (tool));
  e = ev (HL_TOOL_MOTION, 208, 72, 2.0);
  hl_tool_handles_event (tool, &e);
  e = ev (HL_TOOL_MOTION, 213, 75, 2.0);
  r = hl_tool_handles_event (tool, &e);
  g_assert_true (r & HL_TOOL_PREVIEW);
  preview = hl_tool_handles_get_design (tool);
  g_assert_cmpfloat (hair_point (preview, 2).x, ==, 210);
  g_assert_cmpfloat (hair_point (preview, 2).y, ==, 75);
  g_assert_cmpfloat (hair_point (preview, 1).x, ==, 100);
  /* Only the hairline changed: the zone is shared with the start. */
  g_assert_true (hl_view_get_zone (hl_design_get_view (preview, 0), 0) ==
                 hl_view_get_zone (hl_design_get_view (start, 0), 0));
  g_assert_false (hl_history_can_undo (history));

  e = ev (HL_TOOL_RELEASE, 213, 75, 2.0);
  r = hl_tool_handles_event (tool, &e);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_true (hl_history_can_undo (history));
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Move hairline point");
  g_assert_cmpfloat (hair_point (hl_history_get_current (history), 2).x, ==, 210);
  g_assert_true (hl_history_is_modified (history));

  hl_history_undo (history);
  g_assert_cmpfloat (hair_point (hl_tool_handles_get_design (tool), 2).x, ==, 200);
  g_assert_false (hl_history_is_modified (history));
}

static void
test_escape_and_cancel (void)
{
  g_autoptr(HlDesign) start = make_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlToolHandles) tool = hl_tool_handles_new (history, 0);
  HlToolEvent e = ev (HL_TOOL_PRESS, 100, 80, 1.0);
  HlToolEvent esc = { HL_TOOL_KEY, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_ESCAPE, FALSE };

  hl_tool_handles_event (tool, &e);
  e = ev (HL_TOOL_MOTION, 150, 10, 1.0);
  hl_tool_handles_event (tool, &e);
  g_assert_cmpfloat (hair_point (hl_tool_handles_get_design (tool), 1).y, ==, 10);
  g_assert_true (hl_tool_handles_event (tool, &esc) & HL_TOOL_REDRAW);
  g_assert_false (hl_tool_handles_is_dragging (tool));
  g_assert_true (hl_tool_handles_get_design (tool) == start);
  e = ev (HL_TOOL_RELEASE, 150, 10, 1.0);
  g_assert_cmpint (hl_tool_handles_event (tool, &e), ==, HL_TOOL_NOTHING);
  g_assert_false (hl_history_can_undo (history));

  /* A gesture the system cancels leaves no trace either. */
  e = ev (HL_TOOL_PRESS, 100, 80, 1.0);
  hl_tool_handles_event (tool, &e);
  e = ev (HL_TOOL_MOTION, 120, 90, 1.0);
  hl_tool_handles_event (tool, &e);
  e = ev (HL_TOOL_CANCEL, 0, 0, 1.0);
  hl_tool_handles_event (tool, &e);
  g_assert_true (hl_tool_handles_get_design (tool) == start);
  g_assert_false (hl_history_can_undo (history));

  /* A press and release without motion records nothing. */
  e = ev (HL_TOOL_PRESS, 100, 80, 1.0);
  hl_tool_handles_event (tool, &e);
  e = ev (HL_TOOL_RELEASE, 100, 80, 1.0);
  g_assert_false (hl_tool_handles_event (tool, &e) & HL_TOOL_COMMITTED);
  g_assert_false (hl_history_can_undo (history));

  /* NaN positions are ignored. */
  e = ev (HL_TOOL_PRESS, NAN, 80, 1.0);
  g_assert_cmpint (hl_tool_handles_event (tool, &e), ==, HL_TOOL_NOTHING);
}

static void
test_zone_point_and_nudge (void)
{
  g_autoptr(HlDesign) start = make_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlToolHandles) tool = hl_tool_handles_new (history, 0);
  HlToolEvent e = ev (HL_TOOL_PRESS, 399, 1, 4.0);
  HlToolEvent key = { HL_TOOL_KEY, { 0, 0 }, 4.0, 1.0, HL_TOOL_KEY_LEFT, FALSE };
  const HlCurve *outline;

  hl_tool_handles_event (tool, &e);
  g_assert_cmpint (hl_tool_handles_get_selected (tool).kind, ==, HL_HANDLE_ZONE);
  g_assert_cmpuint (hl_tool_handles_get_selected (tool).point, ==, 1);
  e = ev (HL_TOOL_MOTION, 419, 11, 4.0);
  hl_tool_handles_event (tool, &e);
  e = ev (HL_TOOL_RELEASE, 419, 11, 4.0);
  g_assert_true (hl_tool_handles_event (tool, &e) & HL_TOOL_COMMITTED);
  outline = hl_view_get_zone (hl_design_get_view (hl_history_get_current (history), 0), 0)->boundary;
  g_assert_cmpfloat (hl_curve_get_points (outline)[1].x, ==, 420);
  g_assert_cmpfloat (hl_curve_get_points (outline)[1].y, ==, 10);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Move zone point");

  /* Arrow keys: one screen pixel (a quarter image px at zoom 4), or a tenth. */
  g_assert_true (hl_tool_handles_event (tool, &key) & HL_TOOL_COMMITTED);
  key.fine = TRUE;
  key.key = HL_TOOL_KEY_DOWN;
  hl_tool_handles_event (tool, &key);
  outline = hl_view_get_zone (hl_design_get_view (hl_history_get_current (history), 0), 0)->boundary;
  g_assert_cmpfloat (fabs (hl_curve_get_points (outline)[1].x - 419.75), <, 1e-9);
  g_assert_cmpfloat (fabs (hl_curve_get_points (outline)[1].y - 10.025), <, 1e-9);
}

/* The editor's loop: drag a hairline handle of the sample, re-stipple on
 * every motion; the incremental engine must give exactly the dots a fresh
 * engine gives for the design being shown. */
static void
test_drag_with_engine (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  g_autoptr(HlHistory) history = NULL;
  g_autoptr(HlToolHandles) tool = NULL;
  g_autoptr(HlStippler) engine = hl_stippler_new ();
  HlPoint p;
  HlToolEvent e;

  g_assert_no_error (error);
  history = hl_history_new (design, 50);
  tool = hl_tool_handles_new (history, 0);
  p = hair_point (design, 4);

  hl_stippler_update (engine, hl_design_get_view (design, 0), design->seed);
  e = ev (HL_TOOL_PRESS, p.x, p.y, 3.0);
  g_assert_true (hl_tool_handles_event (tool, &e) & HL_TOOL_REDRAW);

  for (guint step = 1; step <= 8; step++)
    {
      HlDesign *shown;
      g_autoptr(GArray) fresh = NULL;
      gsize n;
      const HlDot *dots;

      e = ev (HL_TOOL_MOTION, p.x + step * 0.7, p.y - step * 1.1, 3.0);
      g_assert_true (hl_tool_handles_event (tool, &e) & HL_TOOL_PREVIEW);
      shown = hl_tool_handles_get_design (tool);
      hl_stippler_update (engine, hl_design_get_view (shown, 0), shown->seed);
      dots = hl_stippler_get_dots (engine, &n);
      fresh = hl_stipple_view (hl_design_get_view (shown, 0), shown->seed);
      g_assert_cmpuint (n, ==, fresh->len);
      g_assert_cmpmem (dots, n * sizeof (HlDot), fresh->data, fresh->len * sizeof (HlDot));
    }

  e = ev (HL_TOOL_RELEASE, p.x + 5.6, p.y - 8.8, 3.0);
  g_assert_true (hl_tool_handles_event (tool, &e) & HL_TOOL_COMMITTED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/drag-hairline-point", test_drag_hairline_point);
  g_test_add_func ("/tools/escape-and-cancel", test_escape_and_cancel);
  g_test_add_func ("/tools/zone-point-and-nudge", test_zone_point_and_nudge);
  g_test_add_func ("/tools/drag-with-engine", test_drag_with_engine);

  return g_test_run ();
}
