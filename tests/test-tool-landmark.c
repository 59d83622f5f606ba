/* test-tool-landmark.c: placing and moving facial landmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-edit.h"
#include "hl-tool-landmark.h"
#include "hl-tool-test-util.h"

static const HlView *
current (HlHistory *history)
{
  return hl_test_view (hl_history_get_current (history));
}

static void
test_click_through (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0.5);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("landmark", hl_test_host (history), NULL, 0);
  HlToolResult r;

  g_assert_cmpint (hl_tool_landmark_get_current (tool), ==, HL_LANDMARK_GLABELLA);
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "crosshair");

  r = hl_test_press (tool, 200, 250, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_true (r & HL_TOOL_CAPTURED);
  hl_test_release (tool, 200, 250, 1.0);
  g_assert_true (current (history)->landmarks[HL_LANDMARK_GLABELLA].set);
  g_assert_cmpfloat (current (history)->landmarks[HL_LANDMARK_GLABELLA].p.x, ==, 200);
  g_assert_cmpfloat (current (history)->landmarks[HL_LANDMARK_GLABELLA].p.y, ==, 250);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Place Glabella");
  /* The next one not placed yet. */
  g_assert_cmpint (hl_tool_landmark_get_current (tool), ==, HL_LANDMARK_NASION);

  hl_test_click (tool, 200, 270, 1.0);
  g_assert_true (current (history)->landmarks[HL_LANDMARK_NASION].set);
  g_assert_cmpint (hl_tool_landmark_get_current (tool), ==, HL_LANDMARK_LEFT_PUPIL);

  /* Jump to the mid-frontal point; after it, the next unset one. */
  hl_tool_landmark_set_current (tool, HL_LANDMARK_MID_FRONTAL_POINT);
  hl_test_click (tool, 200, 90, 1.0);
  g_assert_true (current (history)->landmarks[HL_LANDMARK_MID_FRONTAL_POINT].set);
  g_assert_cmpint (hl_tool_landmark_get_current (tool), ==, HL_LANDMARK_LEFT_FRONTOTEMPORAL);

  /* Placing one that exists moves it there. */
  hl_tool_landmark_set_current (tool, HL_LANDMARK_GLABELLA);
  hl_test_click (tool, 205, 240, 1.0);
  g_assert_cmpfloat (current (history)->landmarks[HL_LANDMARK_GLABELLA].p.x, ==, 205);
  /* After the glabella, the first unset one is the left pupil. */
  g_assert_cmpint (hl_tool_landmark_get_current (tool), ==, HL_LANDMARK_LEFT_PUPIL);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 4);
}

static void
test_drag_existing (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0.5);
  g_autoptr(HlDesign) placed = hl_edit_set_landmark (start, 0, HL_LANDMARK_NASION, TRUE, (HlPoint) { 100, 100 });
  g_autoptr(HlHistory) history = hl_history_new (placed, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("landmark", hl_test_host (history), NULL, 0);
  HlToolResult r;

  /* Hover: grab. */
  g_assert_true (hl_test_motion (tool, 103, 100, 1.0) & HL_TOOL_CURSOR);
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "grab");

  r = hl_test_press (tool, 103, 100, 1.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  g_assert_false (r & HL_TOOL_COMMITTED);
  g_assert_cmpint (hl_tool_landmark_get_dragged (tool), ==, HL_LANDMARK_NASION);
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "grabbing");
  g_assert_true (hl_test_motion (tool, 113, 95, 1.0) & HL_TOOL_PREVIEW);
  g_assert_cmpfloat (hl_test_view (hl_tool_get_design (tool))->landmarks[HL_LANDMARK_NASION].p.x, ==, 110);
  g_assert_cmpfloat (hl_test_view (hl_tool_get_design (tool))->landmarks[HL_LANDMARK_NASION].p.y, ==, 95);
  g_assert_false (hl_history_can_undo (history));
  g_assert_true (hl_test_release (tool, 113, 95, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpfloat (current (history)->landmarks[HL_LANDMARK_NASION].p.x, ==, 110);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Move Nasion");
  /* Dragging placed nothing else and kept the current landmark. */
  g_assert_false (current (history)->landmarks[HL_LANDMARK_GLABELLA].set);
  g_assert_cmpint (hl_tool_landmark_get_current (tool), ==, HL_LANDMARK_GLABELLA);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);

  /* Escape puts it back. */
  hl_test_press (tool, 110, 95, 1.0);
  hl_test_motion (tool, 150, 150, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 1.0) & HL_TOOL_PREVIEW);
  g_assert_cmpint (hl_test_release (tool, 150, 150, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_true (hl_tool_get_design (tool) == hl_history_get_current (history));
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
}

static void
test_all_placed (void)
{
  g_autoptr(HlDesign) design = hl_test_load_sample ();
  g_autoptr(HlDesign) full = NULL;
  g_autoptr(HlHistory) history = NULL;
  g_autoptr(HlTool) tool = NULL;

  full = hl_design_ref (design);
  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    if (!hl_test_view (full)->landmarks[l].set)
      {
        HlDesign *next = hl_edit_set_landmark (full, 0, l, TRUE, (HlPoint) { 10.0 + 20 * l, 400 });

        hl_design_unref (full);
        full = next;
      }
  history = hl_history_new (full, 50);
  tool = hl_tool_new_by_name ("landmark", hl_test_host (history), NULL, 0);
  hl_tool_landmark_set_current (tool, HL_LANDMARK_NASION);
  hl_test_click (tool, 300, 200, 1.0);
  g_assert_cmpfloat (current (history)->landmarks[HL_LANDMARK_NASION].p.y, ==, 200);
  /* Every landmark is placed: the current one stays. */
  g_assert_cmpint (hl_tool_landmark_get_current (tool), ==, HL_LANDMARK_NASION);
}

/* The overlay: labelled landmarks, the name by the pointer, and the
 * guides once the view is calibrated. */
static void
test_overlay (void)
{
  g_autoptr(HlDesign) sample = hl_test_load_sample ();
  HlCalibration none = { HL_CALIBRATION_NONE, 0, 0, FALSE, { 0, 0 }, { 0, 0 }, 0 };
  g_autoptr(HlDesign) uncalibrated = hl_edit_set_calibration (sample, 0, &none);
  g_autoptr(HlHistory) h1 = hl_history_new (sample, 10);
  g_autoptr(HlHistory) h2 = hl_history_new (uncalibrated, 10);
  g_autoptr(HlTool) t1 = hl_tool_new_by_name ("landmark", hl_test_host (h1), NULL, 0);
  g_autoptr(HlTool) t2 = hl_tool_new_by_name ("landmark", hl_test_host (h2), NULL, 0);
  guint with_guides, without, with_name;

  with_guides = hl_test_overlay_pixels (t1, 512, 512, 2.0);
  without = hl_test_overlay_pixels (t2, 512, 512, 2.0);
  g_test_message ("overlay pixels: %u with guides, %u without", with_guides, without);
  g_assert_cmpuint (without, >, 11 * 40);
  g_assert_cmpuint (with_guides, >, without + 2000);

  hl_test_motion (t2, 100, 200, 2.0);
  with_name = hl_test_overlay_pixels (t2, 512, 512, 2.0);
  g_assert_cmpuint (with_name, >, without + 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/landmark/click-through", test_click_through);
  g_test_add_func ("/tools/landmark/drag-existing", test_drag_existing);
  g_test_add_func ("/tools/landmark/all-placed", test_all_placed);
  g_test_add_func ("/tools/landmark/overlay", test_overlay);

  return g_test_run ();
}
