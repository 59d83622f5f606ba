/* test-hairline-template.c: hairlines proposed from landmarks, measured in
 * mm through the calibration as a practitioner would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-edit.h"
#include "hl-error.h"
#include "hl-hairline-template.h"
#include "hl-head-chart.h"
#include "hl-measure.h"
#include "hl-tool-test-util.h"

static HlDesign *
with_landmark (HlDesign   *design,
               HlLandmark  landmark,
               double      x,
               double      y)
{
  HlDesign *next = hl_edit_set_landmark (design, 0, landmark, TRUE, (HlPoint) { x, y });

  hl_design_unref (design);
  return next;
}

/* A face at 0.2 mm/px; the pupil line tilted by @tilt radians so the
 * midline is not image-up; the frontotemporal points 100 mm above the
 * glabella and 60 / 66 mm to its sides (an asymmetric face). */
static HlDesign *
face_design (double tilt)
{
  HlDesign *design = hl_test_empty_design (0.2);
  HlPoint g = { 1000.0, 1400.0 };
  double c = cos (tilt), s = sin (tilt);
  /* (lateral mm, height mm) → image px, up = (s, -c), right = (c, s). */
#define AT(lat, h) g.x + ((lat) * c + (h) * s) / 0.2, g.y + ((lat) * s - (h) * c) / 0.2

  design = with_landmark (design, HL_LANDMARK_GLABELLA, g.x, g.y);
  design = with_landmark (design, HL_LANDMARK_LEFT_PUPIL, AT (-31.5, -8.0));
  design = with_landmark (design, HL_LANDMARK_RIGHT_PUPIL, AT (31.5, -8.0));
  design = with_landmark (design, HL_LANDMARK_RIGHT_FRONTOTEMPORAL, AT (-60.0, 100.0));
  design = with_landmark (design, HL_LANDMARK_LEFT_FRONTOTEMPORAL, AT (66.0, 100.0));
#undef AT
  return design;
}

/* Height in mm above the glabella along the midline of an image point. */
static double
height_of (const HlView *view,
           HlPoint       p)
{
  HlPoint g, up;

  g_assert_true (hl_measure_midline (view, &g, &up));
  return ((p.x - g.x) * up.x + (p.y - g.y) * up.y) * view->calibration.mm_per_px;
}

static void
test_mfp_height (gconstpointer data)
{
  double tilt = *(const double *) data;
  g_autoptr(HlDesign) design = face_design (tilt);
  static const double heights[] = { 70.0, 80.0, 92.5, 100.0 };

  for (guint s = 0; s < HL_N_HAIRLINE_STYLES; s++)
    for (guint k = 0; k < G_N_ELEMENTS (heights); k++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(HlCurve) curve = hl_hairline_template_propose (hl_test_view (design), s,
                                                                 heights[k], &error);
        g_autoptr(HlDesign) proposed = NULL;
        const HlView *view;
        const HlPoint *poly;
        double mm, lowest = G_MAXDOUBLE;
        guint n;
        HlPoint at;

        g_assert_no_error (error);
        g_assert_nonnull (curve);
        g_assert_false (hl_curve_is_closed (curve));
        proposed = hl_edit_set_hairline (design, 0, curve);
        view = hl_test_view (proposed);

        /* The asked height, measured as the guides measure it. */
        g_assert_true (hl_measure_hairline_height_mm (view, &mm, &at));
        g_test_message ("%s at %.1f mm: measured %.3f mm (tilt %.2f)",
                        hl_hairline_style_to_string (s), heights[k], mm, tilt);
        g_assert_cmpfloat_with_epsilon (mm, heights[k], 0.5);

        /* Never a bowl: nothing of the line sits in front of the centre,
         * and both ends rise well above it. */
        poly = hl_curve_get_polyline (curve, &n);
        for (guint i = 0; i < n; i++)
          lowest = MIN (lowest, height_of (view, poly[i]));
        g_assert_cmpfloat (lowest, >=, heights[k] - 0.5);
        g_assert_cmpfloat (height_of (view, poly[0]), >=, heights[k] + HL_TEMPLATE_MIN_RISE_MM - 0.01);
        g_assert_cmpfloat (height_of (view, poly[n - 1]), >=,
                           heights[k] + HL_TEMPLATE_MIN_RISE_MM - 0.01);
      }
}

static void
test_styles_differ (void)
{
  g_autoptr(HlDesign) design = face_design (0.0);
  const HlView *view = hl_test_view (design);
  g_autoptr(HlCurve) natural = hl_hairline_template_propose (view, HL_HAIRLINE_STYLE_NATURAL, 80.0, NULL);
  g_autoptr(HlCurve) straight = hl_hairline_template_propose (view, HL_HAIRLINE_STYLE_STRAIGHT, 80.0, NULL);
  g_autoptr(HlCurve) peak = hl_hairline_template_propose (view, HL_HAIRLINE_STYLE_WIDOWS_PEAK, 80.0, NULL);
  g_autoptr(HlCurve) mature = hl_hairline_template_propose (view, HL_HAIRLINE_STYLE_MATURE,
                                                            hl_hairline_style_get_default_height (HL_HAIRLINE_STYLE_MATURE),
                                                            NULL);
  const HlPoint *p;
  guint n, corners = 0;

  /* Corners where the style has them. */
  g_assert_false (hl_curve_has_corners (natural));
  for (guint i = 0; i < hl_curve_get_n_points (straight); i++)
    corners += hl_curve_is_corner (straight, i);
  g_assert_cmpuint (corners, ==, 2);
  g_assert_true (hl_curve_has_corners (peak));

  /* Ends at the frontotemporal points' sides and heights. */
  p = hl_curve_get_points (natural);
  n = hl_curve_get_n_points (natural);
  g_assert_cmpfloat_with_epsilon (height_of (view, p[0]), 100.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (height_of (view, p[n - 1]), 100.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (fabs (p[0].x - 1000.0) * 0.2, 60.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (fabs (p[n - 1].x - 1000.0) * 0.2, 66.0, 1e-6);

  /* Mature: centre 17.5 mm higher by default, temples receded above the
   * landmarks. */
  g_assert_cmpfloat (hl_hairline_style_get_default_height (HL_HAIRLINE_STYLE_MATURE), ==, 97.5);
  p = hl_curve_get_points (mature);
  n = hl_curve_get_n_points (mature);
  g_assert_cmpfloat (height_of (view, p[0]), >, 110.0);
  g_assert_cmpfloat (fabs (p[0].x - 1000.0) * 0.2, <, 60.0);

  /* Widow's peak: the centre point is the tip, the line 7 mm higher
   * next to it. */
  p = hl_curve_get_points (peak);
  n = hl_curve_get_n_points (peak);
  g_assert_cmpfloat (height_of (view, p[n / 2 + 1]) - 80.0, >, 6.5);
  g_assert_cmpfloat_with_epsilon (height_of (view, p[n / 2]), 80.0, 1e-6);

  for (guint s = 0; s < HL_N_HAIRLINE_STYLES; s++)
    {
      HlHairlineStyle back;

      g_assert_true (hl_hairline_style_from_string (hl_hairline_style_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_nonnull (hl_hairline_style_get_title (s));
    }
  g_assert_false (hl_hairline_style_from_string ("bowl", NULL));
}

static void
test_missing (void)
{
  HlCalibration none = { HL_CALIBRATION_NONE, 0, 0, FALSE, { 0, 0 }, { 0, 0 }, 0 };
  g_autoptr(HlDesign) bare = hl_test_empty_design (0.2);
  g_autoptr(HlDesign) face = face_design (0.0);
  g_autoptr(HlDesign) uncalibrated = hl_edit_set_calibration (face, 0, &none);
  g_autoptr(HlDesign) one_side = NULL;
  g_autoptr(HlDesign) no_glabella = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlCurve) curve = NULL;

  g_assert_false (hl_hairline_template_check (hl_test_view (bare), &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Place the glabella, the left frontotemporal point and the right "
                   "frontotemporal point to propose a hairline");
  g_clear_error (&error);

  g_assert_false (hl_hairline_template_check (hl_test_view (uncalibrated), &error));
  g_assert_cmpstr (error->message, ==, "Calibrate the view to propose a hairline");
  g_clear_error (&error);

  no_glabella = hl_edit_set_landmark (uncalibrated, 0, HL_LANDMARK_GLABELLA, FALSE, (HlPoint) { 0, 0 });
  curve = hl_hairline_template_propose (hl_test_view (no_glabella), HL_HAIRLINE_STYLE_NATURAL, 80.0, &error);
  g_assert_null (curve);
  g_assert_cmpstr (error->message, ==, "Place the glabella, and calibrate the view to propose a hairline");
  g_clear_error (&error);

  /* Both frontotemporal points on one side; a height out of range. */
  one_side = hl_edit_set_landmark (face, 0, HL_LANDMARK_LEFT_FRONTOTEMPORAL, TRUE, (HlPoint) { 800, 900 });
  curve = hl_hairline_template_propose (hl_test_view (one_side), HL_HAIRLINE_STYLE_NATURAL, 80.0, &error);
  g_assert_null (curve);
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  g_clear_error (&error);
  curve = hl_hairline_template_propose (hl_test_view (face), HL_HAIRLINE_STYLE_NATURAL, NAN, &error);
  g_assert_null (curve);
  g_assert_error (error, HL_ERROR, HL_ERROR_ARGUMENT);
  g_clear_error (&error);
  curve = hl_hairline_template_propose (hl_test_view (face), HL_HAIRLINE_STYLE_NATURAL, 300.0, &error);
  g_assert_null (curve);
  g_assert_error (error, HL_ERROR, HL_ERROR_ARGUMENT);
}

/* On the front head chart every style at its default height stays on the
 * drawn head, even a mature line whose temples recede toward the top. */
static void
test_on_chart (void)
{
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);

  for (guint s = 0; s < HL_N_HAIRLINE_STYLES; s++)
    {
      double mm = hl_hairline_style_get_default_height (s);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlCurve) curve = hl_hairline_template_propose (view, s, mm, &error);
      const HlPoint *poly;
      guint n;

      g_assert_no_error (error);
      poly = hl_curve_get_polyline (curve, &n);
      for (guint i = 0; i < n; i++)
        g_assert_true (hl_head_chart_contains (HL_HEAD_CHART_FRONT, poly[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  static const double level = 0.0, tilted = 0.12;

  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/template/mfp-height/level", &level, test_mfp_height);
  g_test_add_data_func ("/template/mfp-height/tilted", &tilted, test_mfp_height);
  g_test_add_func ("/template/styles", test_styles_differ);
  g_test_add_func ("/template/missing", test_missing);
  g_test_add_func ("/template/on-chart", test_on_chart);
  return g_test_run ();
}
