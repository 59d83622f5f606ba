/* test-tool-select.c: the select tool, driven by toolkit-free events as
 * the canvas sends them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-edit.h"
#include "hl-render.h"
#include "hl-stippler.h"
#include "hl-tool-select.h"
#include "hl-tool-test-util.h"

static HlPoint
hair_point (HlDesign *design,
            guint     i)
{
  return hl_curve_get_points (hl_test_view (design)->hairline)[i];
}

static const HlCurve *
zone_outline (HlDesign *design,
              guint     zone)
{
  return hl_view_get_zone (hl_test_view (design), zone)->boundary;
}

static void
test_drag_hairline_point (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  HlToolResult r;
  HlDesign *preview;

  g_assert_cmpstr (hl_tool_get_name (tool), ==, "select");
  g_assert_null (hl_tool_get_cursor (tool));

  /* Nothing under the pointer, outside the zone: not captured (the
   * canvas pans), nothing changes. */
  r = hl_test_press (tool, 150, 200, 2.0);
  g_assert_false (r & HL_TOOL_CAPTURED);
  g_assert_false (r & (HL_TOOL_COMMITTED | HL_TOOL_PREVIEW | HL_TOOL_SELECTION));
  g_assert_cmpint (hl_test_release (tool, 150, 200, 2.0), ==, HL_TOOL_NOTHING);

  /* Hover: 3 image px away is within 8 screen px at zoom 2 (4 image px). */
  r = hl_test_motion (tool, 203, 70, 2.0);
  g_assert_true (r & HL_TOOL_CURSOR);
  g_assert_cmpint (hl_tool_select_get_hover (tool).kind, ==, HL_HANDLE_HAIRLINE);
  g_assert_cmpuint (hl_tool_select_get_hover (tool).point, ==, 2);
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "grab");
  /* 5 px away is not, at that zoom. */
  hl_test_motion (tool, 205, 70, 2.0);
  g_assert_cmpint (hl_tool_select_get_hover (tool).kind, ==, HL_HANDLE_NONE);
  g_assert_null (hl_tool_get_cursor (tool));

  /* Drag by (+10, +5) from a press 3 px off the point. */
  r = hl_test_press (tool, 203, 70, 2.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  g_assert_true (r & HL_TOOL_REDRAW);
  g_assert_true (hl_tool_select_is_dragging (tool));
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "grabbing");
  hl_test_motion (tool, 208, 72, 2.0);
  r = hl_test_motion (tool, 213, 75, 2.0);
  g_assert_true (r & HL_TOOL_PREVIEW);
  preview = hl_tool_get_design (tool);
  g_assert_true (preview != start);
  g_assert_cmpfloat (hair_point (preview, 2).x, ==, 210);
  g_assert_cmpfloat (hair_point (preview, 2).y, ==, 75);
  g_assert_cmpfloat (hair_point (preview, 1).x, ==, 100);
  /* Only the hairline changed: the zone is shared with the start. */
  g_assert_true (hl_view_get_zone (hl_test_view (preview), 0) == hl_view_get_zone (hl_test_view (start), 0));
  g_assert_false (hl_history_can_undo (history));

  r = hl_test_release (tool, 213, 75, 2.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_false (hl_tool_select_is_dragging (tool));
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Move hairline point");
  g_assert_cmpfloat (hair_point (hl_history_get_current (history), 2).x, ==, 210);
  g_assert_true (hl_history_is_modified (history));

  hl_history_undo (history);
  g_assert_cmpfloat (hair_point (hl_tool_get_design (tool), 2).x, ==, 200);
  g_assert_false (hl_history_is_modified (history));
}

static void
test_escape_and_cancel (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  HlToolResult r;

  hl_test_press (tool, 100, 80, 1.0);
  hl_test_motion (tool, 150, 10, 1.0);
  g_assert_cmpfloat (hair_point (hl_tool_get_design (tool), 1).y, ==, 10);
  r = hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 1.0);
  g_assert_true (r & HL_TOOL_REDRAW);
  g_assert_true (r & HL_TOOL_PREVIEW);
  g_assert_false (hl_tool_select_is_dragging (tool));
  g_assert_true (hl_tool_get_design (tool) == start);
  g_assert_cmpint (hl_test_release (tool, 150, 10, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_false (hl_history_can_undo (history));

  /* A gesture the system cancels leaves no trace either. */
  hl_test_press (tool, 100, 80, 1.0);
  hl_test_motion (tool, 120, 90, 1.0);
  hl_tool_cancel (tool);
  g_assert_true (hl_tool_get_design (tool) == start);
  g_assert_false (hl_history_can_undo (history));

  /* A press and release without motion, or a drag back to the start,
   * records nothing. */
  hl_test_press (tool, 100, 80, 1.0);
  g_assert_false (hl_test_release (tool, 100, 80, 1.0) & HL_TOOL_COMMITTED);
  hl_test_press (tool, 100, 80, 1.0);
  hl_test_motion (tool, 130, 80, 1.0);
  hl_test_motion (tool, 100, 80, 1.0);
  g_assert_false (hl_test_release (tool, 100, 80, 1.0) & HL_TOOL_COMMITTED);
  g_assert_false (hl_history_can_undo (history));
  g_assert_true (hl_tool_get_design (tool) == start);

  /* Keys other than Escape wait for the drag to end. */
  hl_test_press (tool, 100, 80, 1.0);
  hl_test_motion (tool, 110, 80, 1.0);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_LEFT, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_true (hl_test_release (tool, 110, 80, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  g_assert_cmpfloat (hair_point (hl_history_get_current (history), 1).x, ==, 110);
}

static void
test_zone_point_and_nudge (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  HlToolEvent key = hl_test_key (HL_TOOL_KEY_LEFT, 4.0);
  const HlCurve *outline;
  HlToolResult r;

  r = hl_test_press (tool, 399, 1, 4.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  /* Grabbing a zone's vertex selects the zone. */
  g_assert_true (r & HL_TOOL_SELECTION);
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 0);
  g_assert_cmpint (hl_tool_select_get_selected (tool).kind, ==, HL_HANDLE_ZONE);
  g_assert_cmpuint (hl_tool_select_get_selected (tool).point, ==, 1);
  hl_test_motion (tool, 419, 11, 4.0);
  g_assert_true (hl_test_release (tool, 419, 11, 4.0) & HL_TOOL_COMMITTED);
  outline = zone_outline (hl_history_get_current (history), 0);
  g_assert_cmpfloat (hl_curve_get_points (outline)[1].x, ==, 420);
  g_assert_cmpfloat (hl_curve_get_points (outline)[1].y, ==, 10);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Move zone point");

  /* Arrow keys: one screen pixel (a quarter image px at zoom 4), or a
   * tenth; each one undo step. */
  g_assert_true (hl_tool_event (tool, &key) & HL_TOOL_COMMITTED);
  key.fine = TRUE;
  key.key = HL_TOOL_KEY_DOWN;
  g_assert_true (hl_tool_event (tool, &key) & HL_TOOL_COMMITTED);
  outline = zone_outline (hl_history_get_current (history), 0);
  g_assert_cmpfloat (fabs (hl_curve_get_points (outline)[1].x - 419.75), <, 1e-9);
  g_assert_cmpfloat (fabs (hl_curve_get_points (outline)[1].y - 10.025), <, 1e-9);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 3);

  /* Without a selected point, arrows do nothing. */
  hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 4.0);
  g_assert_cmpint (hl_tool_select_get_selected (tool).kind, ==, HL_HANDLE_NONE);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_UP, 4.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 3);
}

/* hl_handle_find sees landmarks; on a tie the hairline wins, then zones. */
static void
test_find_handles (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlDesign) d1 = hl_edit_set_landmark (start, 0, HL_LANDMARK_GLABELLA, TRUE, (HlPoint) { 200, 200 });
  g_autoptr(HlDesign) d2 = hl_edit_set_landmark (d1, 0, HL_LANDMARK_NASION, TRUE, (HlPoint) { 100, 80 });
  const HlView *view = hl_test_view (d2);
  HlHandle h;

  h = hl_handle_find (view, (HlPoint) { 202, 201 }, 5);
  g_assert_cmpint (h.kind, ==, HL_HANDLE_LANDMARK);
  g_assert_cmpuint (h.point, ==, HL_LANDMARK_GLABELLA);
  /* The nasion sits on hairline point 1: the hairline wins. */
  h = hl_handle_find (view, (HlPoint) { 100, 80 }, 5);
  g_assert_cmpint (h.kind, ==, HL_HANDLE_HAIRLINE);
  g_assert_cmpuint (h.point, ==, 1);
  /* Nearest first, whatever the kind. */
  h = hl_handle_find (view, (HlPoint) { 1, 1 }, 5);
  g_assert_cmpint (h.kind, ==, HL_HANDLE_ZONE);
  g_assert_cmpuint (h.point, ==, 0);
  h = hl_handle_find (view, (HlPoint) { 200, 150 }, 5);
  g_assert_cmpint (h.kind, ==, HL_HANDLE_NONE);
  h = hl_handle_find (view, (HlPoint) { NAN, 150 }, 5);
  g_assert_cmpint (h.kind, ==, HL_HANDLE_NONE);
  g_assert_true (hl_handle_equal (hl_handle_find (view, (HlPoint) { 0, 100 }, 1),
                                  (HlHandle) { HL_HANDLE_HAIRLINE, 0, 0 }));
}

static void
test_landmark_drag_and_delete (void)
{
  g_autoptr(HlDesign) sample = hl_test_load_sample ();
  g_autoptr(HlHistory) history = hl_history_new (sample, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  HlPoint nasion = hl_test_view (sample)->landmarks[HL_LANDMARK_NASION].p;
  const HlView *view;

  g_assert_true (hl_test_press (tool, nasion.x, nasion.y, 4.0) & HL_TOOL_CAPTURED);
  g_assert_cmpint (hl_tool_select_get_selected (tool).kind, ==, HL_HANDLE_LANDMARK);
  g_assert_cmpuint (hl_tool_select_get_selected (tool).point, ==, HL_LANDMARK_NASION);
  g_assert_true (hl_test_motion (tool, nasion.x + 2, nasion.y + 3, 4.0) & HL_TOOL_PREVIEW);
  g_assert_true (hl_test_release (tool, nasion.x + 2, nasion.y + 3, 4.0) & HL_TOOL_COMMITTED);
  view = hl_test_view (hl_history_get_current (history));
  g_assert_cmpfloat (view->landmarks[HL_LANDMARK_NASION].p.x, ==, nasion.x + 2);
  g_assert_cmpfloat (view->landmarks[HL_LANDMARK_NASION].p.y, ==, nasion.y + 3);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Move landmark");
  /* Nothing else moved: hairline and zones are shared. */
  g_assert_true (view->hairline == hl_test_view (sample)->hairline);
  g_assert_true (hl_view_get_zone (view, 0) == hl_view_get_zone (hl_test_view (sample), 0));

  /* Delete unsets it; a nudge afterwards has nothing to move. */
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 4.0) & HL_TOOL_COMMITTED);
  view = hl_test_view (hl_history_get_current (history));
  g_assert_false (view->landmarks[HL_LANDMARK_NASION].set);
  g_assert_true (view->landmarks[HL_LANDMARK_GLABELLA].set);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_LEFT, 4.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 2);
}

static void
test_delete_points (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  const HlPoint expect[] = { { 0, 100 }, { 100, 80 }, { 300, 80 }, { 400, 100 } };

  /* Hairline: down to two points, never fewer. */
  hl_test_click (tool, 200, 70, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Remove hairline point");
  g_assert_cmpuint (hl_curve_get_n_points (hl_test_view (hl_history_get_current (history))->hairline), ==, 4);
  g_assert_cmpmem (hl_curve_get_points (hl_test_view (hl_history_get_current (history))->hairline),
                   sizeof expect, expect, sizeof expect);
  g_assert_cmpint (hl_tool_select_get_selected (tool).kind, ==, HL_HANDLE_NONE);
  hl_test_click (tool, 100, 80, 1.0);
  hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0);
  hl_test_click (tool, 300, 80, 1.0);
  hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0);
  g_assert_cmpuint (hl_curve_get_n_points (hl_test_view (hl_history_get_current (history))->hairline), ==, 2);
  hl_test_click (tool, 0, 100, 1.0);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpuint (hl_curve_get_n_points (hl_test_view (hl_history_get_current (history))->hairline), ==, 2);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 3);

  /* A zone: down to three vertices. */
  hl_test_click (tool, 400, 0, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_curve_get_n_points (zone_outline (hl_history_get_current (history), 0)), ==, 3);
  hl_test_click (tool, 400, 110, 1.0);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpuint (hl_curve_get_n_points (zone_outline (hl_history_get_current (history), 0)), ==, 3);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 4);
}

static void
test_double_click_inserts (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  HlPoint on_curve;
  HlToolResult r;
  const HlCurve *hair, *outline;
  guint segment;

  /* A point on the hairline between control points 1 and 2. */
  g_assert_true (hl_curve_find_segment (hl_test_view (start)->hairline, (HlPoint) { 150, 70 }, 20,
                                        &segment, &on_curve));
  g_assert_cmpuint (segment, ==, 1);

  /* A single click there is not an insertion. */
  r = hl_test_click (tool, on_curve.x, on_curve.y + 1, 1.0);
  g_assert_false (r & HL_TOOL_COMMITTED);
  /* The double click's second press inserts, once. */
  r = hl_test_double (tool, on_curve.x, on_curve.y + 1, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_true (r & HL_TOOL_CAPTURED);
  hl_test_release (tool, on_curve.x, on_curve.y + 1, 1.0);
  hair = hl_test_view (hl_history_get_current (history))->hairline;
  g_assert_cmpuint (hl_curve_get_n_points (hair), ==, 6);
  g_assert_cmpfloat (hl_point_distance (hl_curve_get_points (hair)[2], on_curve), <, 1.01);
  g_assert_cmpfloat (hl_curve_get_points (hair)[1].x, ==, 100);
  g_assert_cmpfloat (hl_curve_get_points (hair)[3].x, ==, 200);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Add hairline point");
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (tool), (HlHandle) { HL_HANDLE_HAIRLINE, 0, 2 }));

  /* On the zone's closing edge (vertex 3 → vertex 0, which bulges out
   * left of x = 0 between smooth vertices): appended last, and the zone
   * becomes the selected one. */
  hl_tool_set_selected_zone (tool, -1);
  g_assert_true (hl_curve_find_segment (zone_outline (start, 0), (HlPoint) { 0, 60 }, 40, &segment, &on_curve));
  g_assert_cmpuint (segment, ==, 3);
  r = hl_test_double (tool, on_curve.x + 2, on_curve.y, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_true (r & HL_TOOL_SELECTION);
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 0);
  outline = zone_outline (hl_history_get_current (history), 0);
  g_assert_cmpuint (hl_curve_get_n_points (outline), ==, 5);
  g_assert_cmpfloat (hl_point_distance (hl_curve_get_points (outline)[4], on_curve), <, 2.01);
  g_assert_cmpfloat (hl_curve_get_points (outline)[3].y, ==, 110);

  /* Far from every outline: nothing. */
  r = hl_test_double (tool, 200, 250, 1.0);
  g_assert_false (r & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 2);
}

static void
test_toggle_corner (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  const HlCurve *outline;

  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_TOGGLE_CORNER, 1.0), ==, HL_TOOL_NOTHING);

  hl_test_click (tool, 400, 110, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_TOGGLE_CORNER, 1.0) & HL_TOOL_COMMITTED);
  outline = zone_outline (hl_history_get_current (history), 0);
  g_assert_true (hl_curve_is_corner (outline, 2));
  g_assert_false (hl_curve_is_corner (outline, 1));
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Make corner");
  g_assert_cmpmem (hl_curve_get_points (outline), 4 * sizeof (HlPoint),
                   hl_curve_get_points (zone_outline (start, 0)), 4 * sizeof (HlPoint));

  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_TOGGLE_CORNER, 1.0) & HL_TOOL_COMMITTED);
  g_assert_false (hl_curve_is_corner (zone_outline (hl_history_get_current (history), 0), 2));
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Make smooth");
  g_assert_true (hl_curve_equal (zone_outline (hl_history_get_current (history), 0), zone_outline (start, 0)));

  /* A hairline point too; a landmark has no corner. */
  hl_test_click (tool, 200, 70, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_TOGGLE_CORNER, 1.0) & HL_TOOL_COMMITTED);
  g_assert_true (hl_curve_is_corner (hl_test_view (hl_history_get_current (history))->hairline, 2));
  g_assert_cmpuint (hl_test_count_undo (history), ==, 3);
}

/* Two overlapping zones: a press inside both selects the topmost (the
 * last); the press is not captured, so the canvas still pans. */
static void
test_press_selects_zone (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  HlPoint square[] = { { 150, 20 }, { 250, 20 }, { 250, 60 }, { 150, 60 } };
  g_autoptr(HlCurve) outline = hl_curve_new (square, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) two = NULL;
  g_autoptr(HlHistory) history = NULL;
  g_autoptr(HlTool) tool = NULL;
  HlZoneParams params;
  HlToolResult r;

  hl_zone_params_init (&params);
  zone = hl_zone_new ("Mid-scalp", HL_ZONE_MID_SCALP, outline, &params);
  two = hl_edit_add_zone (start, 0, zone);
  history = hl_history_new (two, 50);
  tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);

  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, -1);
  r = hl_test_press (tool, 200, 40, 1.0);
  g_assert_true (r & HL_TOOL_SELECTION);
  g_assert_false (r & HL_TOOL_CAPTURED);
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 1);
  hl_test_release (tool, 200, 40, 1.0);

  r = hl_test_press (tool, 50, 50, 1.0);
  g_assert_true (r & HL_TOOL_SELECTION);
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 0);
  /* Pressing the same zone again changes nothing. */
  r = hl_test_press (tool, 60, 50, 1.0);
  g_assert_false (r & HL_TOOL_SELECTION);
  /* Outside every zone: the selection stays (that drag pans). */
  r = hl_test_press (tool, 200, 250, 1.0);
  g_assert_false (r & (HL_TOOL_SELECTION | HL_TOOL_CAPTURED));
  g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 0);
  g_assert_false (hl_history_can_undo (history));
}

static void
test_overlay (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  guint plain, hovered, selected, with_zone;

  /* Every handle: 5 hairline points and 4 zone vertices. */
  plain = hl_test_overlay_pixels (tool, 420, 320, 1.0);
  g_assert_cmpuint (plain, >, 9 * 50);

  hl_test_motion (tool, 200, 70, 1.0);
  hovered = hl_test_overlay_pixels (tool, 420, 320, 1.0);
  g_assert_cmpuint (hovered, >, plain);   /* the hovered handle is larger */

  hl_test_click (tool, 200, 70, 1.0);
  hl_test_motion (tool, 300, 250, 1.0);
  selected = hl_test_overlay_pixels (tool, 420, 320, 1.0);
  g_assert_cmpuint (selected, >, plain);

  /* The selected zone's outline is highlighted (and lightly filled). */
  hl_tool_set_selected_zone (tool, 0);
  with_zone = hl_test_overlay_pixels (tool, 420, 320, 1.0);
  g_assert_cmpuint (with_zone, >, selected + 400 * 100);

  /* A zone index out of range is drawn as no selection. */
  hl_tool_set_selected_zone (tool, 7);
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 420, 320, 1.0), ==, selected);
}

/* The editor's loop: drag a hairline handle of the sample, re-stipple on
 * every motion; the incremental engine must give exactly the dots a fresh
 * engine gives for the design being shown. */
static void
test_drag_with_engine (void)
{
  g_autoptr(HlDesign) design = hl_test_load_sample ();
  g_autoptr(HlHistory) history = hl_history_new (design, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  g_autoptr(HlStippler) engine = hl_stippler_new ();
  HlPoint p = hair_point (design, 4);

  hl_stippler_update (engine, hl_test_view (design), design->seed);
  g_assert_true (hl_test_press (tool, p.x, p.y, 3.0) & HL_TOOL_REDRAW);
  g_assert_cmpint (hl_tool_select_get_selected (tool).kind, ==, HL_HANDLE_HAIRLINE);

  for (guint step = 1; step <= 8; step++)
    {
      HlDesign *shown;
      g_autoptr(GArray) fresh = NULL;
      gsize n;
      const HlDot *dots;

      g_assert_true (hl_test_motion (tool, p.x + step * 0.7, p.y - step * 1.1, 3.0) & HL_TOOL_PREVIEW);
      shown = hl_tool_get_design (tool);
      hl_stippler_update (engine, hl_test_view (shown), shown->seed);
      dots = hl_stippler_get_dots (engine, &n);
      fresh = hl_stipple_view (hl_test_view (shown), shown->seed);
      g_assert_cmpuint (n, ==, fresh->len);
      g_assert_cmpmem (dots, n * sizeof (HlDot), fresh->data, fresh->len * sizeof (HlDot));
    }

  g_assert_true (hl_test_release (tool, p.x + 5.6, p.y - 8.8, 3.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
}

/* An undo while the tool holds a point that no longer exists: keys and
 * drags must leave it alone. */
static void
test_selection_after_undo (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  HlPoint on_curve;
  guint segment;

  g_assert_true (hl_curve_find_segment (hl_test_view (start)->hairline, (HlPoint) { 250, 75 }, 20,
                                        &segment, &on_curve));
  g_assert_true (hl_test_double (tool, on_curve.x, on_curve.y, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_tool_select_get_selected (tool).point, ==, 3);
  hl_test_click (tool, 400, 100, 1.0);
  g_assert_cmpuint (hl_tool_select_get_selected (tool).point, ==, 5);

  /* Undo: the hairline has 5 points again; point 5 is gone. */
  hl_history_undo (history);
  g_assert_true (hl_history_get_current (history) == start);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_UP, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_true (hl_history_get_current (history) == start);

  /* A drag whose point vanishes mid-way (undo during the drag) ends. */
  hl_history_redo (history);
  hl_test_press (tool, 400, 100, 1.0);
  hl_test_motion (tool, 405, 100, 1.0);
  hl_history_undo (history);
  hl_test_motion (tool, 410, 100, 1.0);
  g_assert_false (hl_tool_select_is_dragging (tool));
  g_assert_true (hl_tool_get_design (tool) == start);
  g_assert_cmpint (hl_test_release (tool, 410, 100, 1.0), ==, HL_TOOL_NOTHING);

  hl_test_click (tool, 400, 100, 1.0);
  g_assert_cmpuint (hl_tool_select_get_selected (tool).point, ==, 4);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_UP, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpfloat (hair_point (hl_history_get_current (history), 4).y, ==, 99);
}

/* Tab and Shift+Tab reach every point of the view without a pointer:
 * hairline, zone vertices, then landmarks, wrapping around; the selected
 * point then moves, loses its corner or goes with the keys alone. */
static void
test_keyboard_cycle (void)
{
  g_autoptr(HlDesign) simple = hl_test_simple_design ();
  g_autoptr(HlDesign) with_glabella = hl_edit_set_landmark (simple, 0, HL_LANDMARK_GLABELLA, TRUE,
                                                            (HlPoint) { 200, 250 });
  g_autoptr(HlDesign) start = hl_edit_set_landmark (with_glabella, 0, HL_LANDMARK_NASION, TRUE,
                                                    (HlPoint) { 200, 270 });
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  g_autoptr(HlTool) mouse = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  const HlView *view = hl_test_view (start);
  guint n_hair = hl_curve_get_n_points (view->hairline);
  guint n_zone = hl_curve_get_n_points (zone_outline (start, 0));
  guint n = n_hair + n_zone + 2;
  guint unselected = hl_test_overlay_pixels (tool, 400, 300, 2.0);
  HlHandle h;
  HlToolResult r;

  g_assert_cmpuint (n_hair, ==, 5);
  g_assert_cmpuint (n_zone, >=, 3);

  /* Forward from nothing: every handle once, in order, then around. */
  for (guint i = 0; i <= n; i++)
    {
      r = hl_test_press_key (tool, HL_TOOL_KEY_NEXT, 2.0);
      g_assert_true (r & HL_TOOL_REDRAW);
      g_assert_false (r & (HL_TOOL_COMMITTED | HL_TOOL_PREVIEW));
      h = hl_tool_select_get_selected (tool);
      if (i % n < n_hair)
        g_assert_true (hl_handle_equal (h, (HlHandle) { HL_HANDLE_HAIRLINE, 0, i % n }));
      else if (i % n < n_hair + n_zone)
        {
          g_assert_true (hl_handle_equal (h, (HlHandle) { HL_HANDLE_ZONE, 0, i - n_hair }));
          /* Reaching the zone selects it, once. */
          g_assert_cmpint (!!(r & HL_TOOL_SELECTION), ==, i == n_hair);
          g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, 0);
        }
      else
        g_assert_true (hl_handle_equal (h, (HlHandle) { HL_HANDLE_LANDMARK, 0,
                                                        i == n - 2 ? HL_LANDMARK_GLABELLA : HL_LANDMARK_NASION }));
    }
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (tool), (HlHandle) { HL_HANDLE_HAIRLINE, 0, 0 }));

  /* The keyboard's selection is drawn as the mouse's. */
  hl_test_click (mouse, 0, 100, 2.0);
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (mouse), (HlHandle) { HL_HANDLE_HAIRLINE, 0, 0 }));
  hl_test_motion (mouse, 0, 200, 2.0);
  hl_tool_set_selected_zone (mouse, 0);
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 2.0), ==, hl_test_overlay_pixels (mouse, 400, 300, 2.0));
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 2.0), >, unselected);

  /* Backward: around to the last landmark, then back through the zone. */
  hl_test_press_key (tool, HL_TOOL_KEY_PREVIOUS, 2.0);
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (tool),
                                  (HlHandle) { HL_HANDLE_LANDMARK, 0, HL_LANDMARK_NASION }));
  hl_test_press_key (tool, HL_TOOL_KEY_PREVIOUS, 2.0);
  hl_test_press_key (tool, HL_TOOL_KEY_PREVIOUS, 2.0);
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (tool),
                                  (HlHandle) { HL_HANDLE_ZONE, 0, n_zone - 1 }));
  /* Shift+Tab from nothing starts at the last. */
  hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 2.0);
  g_assert_cmpint (hl_tool_select_get_selected (tool).kind, ==, HL_HANDLE_NONE);
  hl_test_press_key (tool, HL_TOOL_KEY_PREVIOUS, 2.0);
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (tool),
                                  (HlHandle) { HL_HANDLE_LANDMARK, 0, HL_LANDMARK_NASION }));
  g_assert_false (hl_history_can_undo (history));

  /* With the keys alone: the third hairline point nudged, made a corner,
   * removed. */
  hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 2.0);
  for (guint i = 0; i < 3; i++)
    hl_test_press_key (tool, HL_TOOL_KEY_NEXT, 2.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_RIGHT, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpfloat (hair_point (hl_history_get_current (history), 2).x, ==, 201);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_TOGGLE_CORNER, 1.0) & HL_TOOL_COMMITTED);
  g_assert_true (hl_curve_is_corner (hl_test_view (hl_history_get_current (history))->hairline, 2));
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_DELETE, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_curve_get_n_points (hl_test_view (hl_history_get_current (history))->hairline), ==, 4);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 3);
  /* The selection went with the point: Tab starts over. */
  hl_test_press_key (tool, HL_TOOL_KEY_NEXT, 2.0);
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (tool), (HlHandle) { HL_HANDLE_HAIRLINE, 0, 0 }));

  /* While a point is dragged, Tab waits. */
  hl_test_press (tool, 100, 80, 1.0);
  g_assert_true (hl_tool_select_is_dragging (tool));
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_NEXT, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (tool), (HlHandle) { HL_HANDLE_HAIRLINE, 0, 1 }));
  hl_test_release (tool, 100, 80, 1.0);
}

/* A view without points leaves Tab to the host (the focus moves on). */
static void
test_keyboard_cycle_empty (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0.1);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  g_autoptr(HlTool) pen = hl_tool_new_by_name ("hairline", hl_test_host (history), NULL, 0);

  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_NEXT, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_PREVIOUS, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_tool_select_get_selected (tool).kind, ==, HL_HANDLE_NONE);
  g_assert_cmpint (hl_handle_step (hl_test_view (start), (HlHandle) { HL_HANDLE_NONE, 0, 0 }, TRUE).kind,
                   ==, HL_HANDLE_NONE);
  /* Other tools leave it too. */
  g_assert_cmpint (hl_test_press_key (pen, HL_TOOL_KEY_NEXT, 1.0), ==, HL_TOOL_NOTHING);
}

/* The overlay of @tool drawn at @zoom, shifted by (@off, @off) device px,
 * on a transparent @w × @h surface (transfer full). */
static cairo_surface_t *
draw_overlay_at (HlTool *tool,
                 double  zoom,
                 double  off,
                 int     w,
                 int     h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, off, off);
  cairo_scale (cr, zoom, zoom);
  hl_tool_draw_overlay (tool, cr, zoom);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *s,
          int              x,
          int              y)
{
  return ((const guint32 *) (gconstpointer) (cairo_image_surface_get_data (s) +
                                             (gsize) y * cairo_image_surface_get_stride (s)))[x];
}

/* Whether pixel (@x, @y) lies in @box (image px) at @zoom and @off. */
static gboolean
pixel_in (HlRect box,
          double zoom,
          double off,
          int    x,
          int    y)
{
  return x >= floor (off + zoom * box.x0) && x + 1 <= ceil (off + zoom * box.x1) &&
         y >= floor (off + zoom * box.y0) && y + 1 <= ceil (off + zoom * box.y1);
}

/* The overlay's extents, worked out without drawing (the canvas damages
 * only them), hold every pixel it draws: handles hovered, selected and
 * plain, round and square, the selected zone's edge, landmarks, at small
 * and large zooms; and when a handle is dragged out past everything,
 * every pixel that changed lies in the old extents or the new. */
static void
test_overlay_extents (void)
{
  double zooms[] = { 0.4, 1.0, 2.3 };

  for (guint k = 0; k < G_N_ELEMENTS (zooms); k++)
    {
      g_autoptr(HlDesign) start = hl_test_load_sample ();
      g_autoptr(HlHistory) history = hl_history_new (start, 50);
      g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
      const HlView *view = hl_test_view (start);
      double zoom = zooms[k], off = 150.0;
      int w, h;
      HlPoint first = hair_point (start, 0), second = hair_point (start, 1);
      HlRect before, after;
      cairo_surface_t *a, *b;
      guint drawn = 0, changed = 0, outside_before = 0;
      HlRect ink = hl_rect_from_points (NULL, 0);

      hl_render_view_size (NULL, view, &w, &h);
      w = (int) ceil (w * zoom + 2 * off);
      h = (int) ceil (h * zoom + 2 * off);
      g_assert_cmpuint (hl_view_get_n_zones (view), >, 0);
      g_assert_true (view->landmarks[HL_LANDMARK_GLABELLA].set);
      hl_tool_set_selected_zone (tool, 0);
      /* Hover one handle, select and drag another. */
      hl_test_motion (tool, second.x, second.y, zoom);
      g_assert_cmpint (hl_tool_select_get_hover (tool).kind, ==, HL_HANDLE_HAIRLINE);
      hl_test_press (tool, first.x, first.y, zoom);
      g_assert_true (hl_tool_select_is_dragging (tool));

      g_assert_true (hl_tool_get_overlay_extents (tool, zoom, &before));
      a = draw_overlay_at (tool, zoom, off, w, h);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          if (pixel_at (a, x, y) != 0)
            {
              HlPoint p = { x, y };

              drawn++;
              ink = hl_rect_union (ink, hl_rect_from_points (&p, 1));
              if (!pixel_in (before, zoom, off, x, y))
                g_error ("zoom %g: pixel %d, %d drawn outside the extents", zoom, x, y);
            }
      g_assert_cmpuint (drawn, >, 1000);
      /* Near the ink: a few pixels of handle edge and antialiasing, at
       * most the mitre allowance of the selected zone's edge. */
      g_test_message ("zoom %g: ink %.0f–%.0f × %.0f–%.0f, extents %.1f–%.1f × %.1f–%.1f", zoom,
                      ink.x0, ink.x1 + 1, ink.y0, ink.y1 + 1, off + zoom * before.x0, off + zoom * before.x1,
                      off + zoom * before.y0, off + zoom * before.y1);
      g_assert_cmpfloat (ink.x0 - (off + zoom * before.x0), <, 27.0);
      g_assert_cmpfloat (ink.y0 - (off + zoom * before.y0), <, 27.0);
      g_assert_cmpfloat ((off + zoom * before.x1) - (ink.x1 + 1), <, 27.0);
      g_assert_cmpfloat ((off + zoom * before.y1) - (ink.y1 + 1), <, 27.0);

      /* The first hairline point dragged out left of everything drawn. */
      hl_test_motion (tool, first.x - (first.x - before.x0) - 120.0 / zoom, first.y + 20.0 / zoom, zoom);
      g_assert_true (hl_tool_get_overlay_extents (tool, zoom, &after));
      b = draw_overlay_at (tool, zoom, off, w, h);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          if (pixel_at (a, x, y) != pixel_at (b, x, y))
            {
              changed++;
              if (!pixel_in (before, zoom, off, x, y))
                outside_before++;
              if (!pixel_in (before, zoom, off, x, y) && !pixel_in (after, zoom, off, x, y))
                g_error ("zoom %g: pixel %d, %d changed outside the old and new extents", zoom, x, y);
            }
          else if (pixel_at (b, x, y) != 0 && !pixel_in (after, zoom, off, x, y))
            g_error ("zoom %g: pixel %d, %d drawn outside the extents after the drag", zoom, x, y);
      g_test_message ("zoom %g: %u pixels changed, %u of them outside the old extents", zoom, changed,
                      outside_before);
      /* The handle went where the old extents did not reach. */
      g_assert_cmpuint (outside_before, >, 20);

      hl_test_release (tool, first.x, first.y, zoom);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* Whether pixel (@x, @y) lies in one of @boxes (HlRect, image px). */
static gboolean
pixel_in_any (GArray *boxes,
              double  zoom,
              double  off,
              int     x,
              int     y)
{
  for (guint i = 0; i < boxes->len; i++)
    if (pixel_in (g_array_index (boxes, HlRect, i), zoom, off, x, y))
      return TRUE;
  return FALSE;
}

/* The overlay's boxes, one per thing drawn (the canvas compares only
 * them with the last frame): every pixel drawn lies in one of them, each
 * lies within the extents, a handle's box is a handle's size, and when a
 * handle is dragged every pixel that changed lies in a box of before or
 * after. */
static void
test_overlay_boxes (void)
{
  double zooms[] = { 0.4, 1.0, 2.3 };

  /* With the frontal zone selected (its edge's box holds the hairline)
   * and with none. */
  for (guint k = 0; k < 2 * G_N_ELEMENTS (zooms); k++)
    {
      g_autoptr(HlDesign) start = hl_test_load_sample ();
      g_autoptr(HlHistory) history = hl_history_new (start, 50);
      g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
      g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (HlRect));
      g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (HlRect));
      const HlView *view = hl_test_view (start);
      double zoom = zooms[k % G_N_ELEMENTS (zooms)], off = 150.0;
      int w, h;
      guint n_handles = hl_curve_get_n_points (view->hairline), small = 0, changed = 0;
      HlPoint first = hair_point (start, 0), second = hair_point (start, 1);
      HlRect extents;
      cairo_surface_t *a, *b;

      hl_render_view_size (NULL, view, &w, &h);
      w = (int) ceil (w * zoom + 2 * off);
      h = (int) ceil (h * zoom + 2 * off);
      for (guint z = 0; z < hl_view_get_n_zones (view); z++)
        n_handles += hl_curve_get_n_points (hl_view_get_zone (view, z)->boundary);
      hl_test_motion (tool, second.x, second.y, zoom);
      hl_test_press (tool, first.x, first.y, zoom);
      g_assert_true (hl_tool_select_is_dragging (tool));
      hl_tool_set_selected_zone (tool, k < G_N_ELEMENTS (zooms) ? 0 : -1);

      g_assert_true (hl_tool_get_overlay_extents (tool, zoom, &extents));
      g_assert_true (hl_tool_get_overlay_boxes (tool, zoom, before));
      g_assert_cmpuint (before->len, >=, n_handles);
      for (guint i = 0; i < before->len; i++)
        {
          HlRect r = g_array_index (before, HlRect, i);

          g_assert_cmpfloat (r.x0, >=, extents.x0 - 1e-9);
          g_assert_cmpfloat (r.y0, >=, extents.y0 - 1e-9);
          g_assert_cmpfloat (r.x1, <=, extents.x1 + 1e-9);
          g_assert_cmpfloat (r.y1, <=, extents.y1 + 1e-9);
          /* A handle: at most 2 × (HL_HANDLE_SIZE + 4) px across. */
          small += (r.x1 - r.x0) * zoom <= 2 * (HL_HANDLE_SIZE + 4.0) + 1e-6;
        }
      g_assert_cmpuint (small, >=, n_handles);

      a = draw_overlay_at (tool, zoom, off, w, h);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          if (pixel_at (a, x, y) != 0 && !pixel_in_any (before, zoom, off, x, y))
            g_error ("zoom %g: pixel %d, %d drawn outside the boxes", zoom, x, y);

      hl_test_motion (tool, first.x + 40.0 / zoom, first.y - 30.0 / zoom, zoom);
      g_assert_true (hl_tool_get_overlay_boxes (tool, zoom, after));
      b = draw_overlay_at (tool, zoom, off, w, h);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          if (pixel_at (a, x, y) != pixel_at (b, x, y))
            {
              changed++;
              if (!pixel_in_any (before, zoom, off, x, y) && !pixel_in_any (after, zoom, off, x, y))
                g_error ("zoom %g: pixel %d, %d changed outside the boxes of before and after", zoom, x, y);
            }
      g_assert_cmpuint (changed, >, 20);

      hl_test_release (tool, first.x, first.y, zoom);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/select/drag-hairline-point", test_drag_hairline_point);
  g_test_add_func ("/tools/select/escape-and-cancel", test_escape_and_cancel);
  g_test_add_func ("/tools/select/zone-point-and-nudge", test_zone_point_and_nudge);
  g_test_add_func ("/tools/select/find-handles", test_find_handles);
  g_test_add_func ("/tools/select/landmark-drag-and-delete", test_landmark_drag_and_delete);
  g_test_add_func ("/tools/select/delete-points", test_delete_points);
  g_test_add_func ("/tools/select/double-click-inserts", test_double_click_inserts);
  g_test_add_func ("/tools/select/toggle-corner", test_toggle_corner);
  g_test_add_func ("/tools/select/press-selects-zone", test_press_selects_zone);
  g_test_add_func ("/tools/select/overlay", test_overlay);
  g_test_add_func ("/tools/select/overlay-boxes", test_overlay_boxes);
  g_test_add_func ("/tools/select/drag-with-engine", test_drag_with_engine);
  g_test_add_func ("/tools/select/selection-after-undo", test_selection_after_undo);
  g_test_add_func ("/tools/select/keyboard-cycle", test_keyboard_cycle);
  g_test_add_func ("/tools/select/keyboard-cycle-empty", test_keyboard_cycle_empty);
  g_test_add_func ("/tools/select/overlay-extents", test_overlay_extents);

  return g_test_run ();
}
