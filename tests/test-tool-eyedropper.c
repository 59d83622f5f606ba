/* test-tool-eyedropper.c: shades taken from the photo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-tool-eyedropper.h"
#include "hl-tool-test-util.h"

static const HlColor left_colour = { 200, 100, 50 };
static const HlColor right_colour = { 10, 20, 30 };

/* A 20 × 20 photo: the left half (x < 10) one colour, the right half
 * another (transfer full). */
static HlPhoto *
two_tone_photo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-eyedropper-XXXXXX", &error);
  g_autofree char *path = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 20, 20);
  cairo_t *cr = cairo_create (surface);
  HlPhoto *photo;

  g_assert_no_error (error);
  cairo_set_source_rgb (cr, left_colour.r / 255.0, left_colour.g / 255.0, left_colour.b / 255.0);
  cairo_rectangle (cr, 0, 0, 10, 20);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, right_colour.r / 255.0, right_colour.g / 255.0, right_colour.b / 255.0);
  cairo_rectangle (cr, 10, 0, 10, 20);
  cairo_fill (cr);
  cairo_destroy (cr);
  path = g_build_filename (dir, "two-tone.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  photo = hl_photo_load (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return photo;
}

static void
assert_colour (HlColor c,
               guint8  r,
               guint8  g,
               guint8  b)
{
  g_assert_cmpuint (c.r, ==, r);
  g_assert_cmpuint (c.g, ==, g);
  g_assert_cmpuint (c.b, ==, b);
}

static void
test_sample (void)
{
  g_autoptr(HlPhoto) photo = two_tone_photo ();
  HlColor c;

  g_assert_true (hl_tool_eyedropper_sample (photo, (HlPoint) { 4.5, 4.5 }, &c));
  assert_colour (c, 200, 100, 50);
  /* Columns 8–12: two of the left colour, three of the right. */
  g_assert_true (hl_tool_eyedropper_sample (photo, (HlPoint) { 10.2, 5 }, &c));
  assert_colour (c, (2 * 200 + 3 * 10 + 2) / 5, (2 * 100 + 3 * 20 + 2) / 5, (2 * 50 + 3 * 30 + 2) / 5);
  /* Clipped at a corner: 3 × 3 pixels, all of the left colour. */
  g_assert_true (hl_tool_eyedropper_sample (photo, (HlPoint) { 0, 0 }, &c));
  assert_colour (c, 200, 100, 50);
  /* At the far edge, partly outside. */
  g_assert_true (hl_tool_eyedropper_sample (photo, (HlPoint) { 21.5, 19.9 }, &c));
  assert_colour (c, 10, 20, 30);
  g_assert_false (hl_tool_eyedropper_sample (photo, (HlPoint) { -3.5, 5 }, &c));
  g_assert_false (hl_tool_eyedropper_sample (photo, (HlPoint) { 5, 23 }, &c));
  g_assert_false (hl_tool_eyedropper_sample (photo, (HlPoint) { 1e300, 5 }, &c));
}

static void
test_zone_and_session_shades (void)
{
  g_autoptr(HlPhoto) photo = two_tone_photo ();
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("eyedropper", hl_test_host (history), NULL, 0);
  const HlZoneParams *before = &hl_view_get_zone (hl_test_view (start), 0)->params;
  const HlZoneParams *after;
  HlToolResult r;
  HlColor c;

  g_assert_cmpint (hl_tool_eyedropper_get_problem (tool), ==, HL_EYEDROPPER_OK);

  /* No photo. */
  hl_tool_set_selected_zone (tool, 0);
  g_assert_cmpint (hl_test_press (tool, 5, 5, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_tool_eyedropper_get_problem (tool), ==, HL_EYEDROPPER_NO_PHOTO);
  g_assert_nonnull (hl_eyedropper_problem_to_string (HL_EYEDROPPER_NO_PHOTO));
  g_assert_false (hl_tool_eyedropper_get_color (tool, &c));
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 40, 40, 1.0), ==, 0);

  /* No zone selected. */
  hl_tool_set_photo (tool, photo);
  hl_tool_set_selected_zone (tool, -1);
  g_assert_cmpint (hl_test_press (tool, 5, 5, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_tool_eyedropper_get_problem (tool), ==, HL_EYEDROPPER_NO_ZONE);
  hl_tool_set_selected_zone (tool, 3);
  g_assert_cmpint (hl_test_press (tool, 5, 5, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_tool_eyedropper_get_problem (tool), ==, HL_EYEDROPPER_NO_ZONE);
  /* Off the photo. */
  hl_tool_set_selected_zone (tool, 0);
  g_assert_cmpint (hl_test_press (tool, 50, 50, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_tool_eyedropper_get_problem (tool), ==, HL_EYEDROPPER_OUTSIDE);
  g_assert_false (hl_history_can_undo (history));

  /* The zone's shade, and its last session's, which had the same colour. */
  g_assert_true (hl_color_equal (before->shade, before->sessions[before->n_sessions - 1].shade));
  r = hl_test_press (tool, 4, 4, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_cmpint (hl_tool_eyedropper_get_problem (tool), ==, HL_EYEDROPPER_OK);
  after = &hl_view_get_zone (hl_test_view (hl_history_get_current (history)), 0)->params;
  assert_colour (after->shade, 200, 100, 50);
  assert_colour (after->sessions[2].shade, 200, 100, 50);
  /* Earlier sessions follow the new shade, still lighter and in order. */
  g_assert_false (hl_color_equal (after->sessions[0].shade, before->sessions[0].shade));
  g_assert_cmpint (after->sessions[0].shade.g, >, after->sessions[1].shade.g);
  g_assert_cmpint (after->sessions[1].shade.g, >, 100);
  g_assert_cmpfloat (after->density, ==, before->density);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Pick zone shade");
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  /* The same colour again is no new step. */
  g_assert_false (hl_test_press (tool, 4, 4, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);

  /* A session's shade only. */
  hl_tool_set_target_session (tool, 0);
  g_assert_true (hl_test_press (tool, 15, 15, 1.0) & HL_TOOL_COMMITTED);
  after = &hl_view_get_zone (hl_test_view (hl_history_get_current (history)), 0)->params;
  assert_colour (after->sessions[0].shade, 10, 20, 30);
  assert_colour (after->shade, 200, 100, 50);
  assert_colour (after->sessions[2].shade, 200, 100, 50);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Pick session shade");
  /* A session the zone does not have. */
  hl_tool_set_target_session (tool, 3);
  g_assert_cmpint (hl_test_press (tool, 15, 15, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_cmpint (hl_tool_eyedropper_get_problem (tool), ==, HL_EYEDROPPER_NO_SESSION);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 2);

  /* The swatch follows the pointer over the photo. */
  hl_test_motion (tool, 5, 30, 1.0);
  g_assert_false (hl_tool_eyedropper_get_color (tool, &c));
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 80, 80, 2.0), ==, 0);
  hl_test_motion (tool, 3, 19, 2.0);
  g_assert_true (hl_tool_eyedropper_get_color (tool, &c));
  assert_colour (c, 200, 100, 50);
  /* A 28 px swatch up and right of the pointer (its top cut off here). */
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 80, 80, 2.0), >, 28 * 20);
}

/* The nearest pigment and dilution for the colour a press took, on the
 * client's skin type. */
static void
test_suggest (void)
{
  g_autoptr(HlPhoto) photo = two_tone_photo ();
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("eyedropper", hl_test_host (history), NULL, 0);
  g_autoptr(HlDilutionChart) chart = hl_dilution_chart_new_default ();
  g_autoptr(HlDesign) typed = NULL;
  g_autoptr(HlClient) client = hl_client_new ();
  g_autofree char *text = NULL;
  HlDilutionMatch m, expected, on_vi;
  int type = 0;
  gboolean assumed = FALSE;

  hl_tool_set_photo (tool, photo);
  hl_tool_set_selected_zone (tool, 0);
  /* Nothing taken yet, or a press that took nothing. */
  g_assert_false (hl_tool_eyedropper_suggest (tool, chart, &m, &type, &assumed));
  g_assert_cmpint (hl_test_press (tool, 50, 50, 1.0), ==, HL_TOOL_NOTHING);
  g_assert_false (hl_tool_eyedropper_suggest (tool, chart, &m, &type, &assumed));

  /* No skin type recorded: type III, said to be assumed. */
  hl_test_press (tool, 15, 15, 1.0);
  g_assert_true (hl_tool_eyedropper_suggest (tool, chart, &m, &type, &assumed));
  g_assert_cmpint (type, ==, 3);
  g_assert_true (assumed);
  g_assert_true (hl_dilution_chart_nearest (chart, right_colour, 3, &expected));
  g_assert_cmpuint (m.pigment, ==, expected.pigment);
  g_assert_cmpuint (m.dilution, ==, expected.dilution);
  g_assert_cmpfloat (m.delta_e, ==, expected.delta_e);
  text = hl_dilution_match_describe (chart, &m, type, assumed);
  g_assert_nonnull (strstr (text, "skin type III (assumed)"));
  g_assert_nonnull (strstr (text, "ΔE"));

  /* The client's type VI. */
  hl_client_set_fitzpatrick (client, 6);
  typed = hl_design_copy (hl_history_get_current (history));
  hl_design_set_client (typed, client);
  hl_history_push (history, typed, "Client");
  hl_test_press (tool, 15, 15, 1.0);
  g_assert_true (hl_tool_eyedropper_suggest (tool, chart, &m, &type, &assumed));
  g_assert_cmpint (type, ==, 6);
  g_assert_false (assumed);
  g_assert_true (hl_dilution_chart_nearest (chart, right_colour, 6, &on_vi));
  g_assert_cmpfloat (m.delta_e, ==, on_vi.delta_e);
  g_assert_cmpuint (m.dilution, ==, on_vi.dilution);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/eyedropper/sample", test_sample);
  g_test_add_func ("/tools/eyedropper/zone-and-session-shades", test_zone_and_session_shades);
  g_test_add_func ("/tools/eyedropper/suggest", test_suggest);

  return g_test_run ();
}
