/* test-measure.c: lengths, areas, the midline, the hairline's height and
 * the band behind it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "hl-edit.h"
#include "hl-measure.h"
#include "hl-tool-test-util.h"

/* @design with @landmark at (@x, @y) (transfer full; @design unreffed). */
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

static HlDesign *
with_hairline (HlDesign      *design,
               const HlPoint *pts,
               guint          n)
{
  g_autoptr(HlCurve) curve = hl_curve_new (pts, n, FALSE);
  HlDesign *next = hl_edit_set_hairline (design, 0, curve);

  hl_design_unref (design);
  return next;
}

static gboolean
segments_cross (HlPoint a,
                HlPoint b,
                HlPoint c,
                HlPoint d)
{
  double d1 = (d.x - c.x) * (a.y - c.y) - (d.y - c.y) * (a.x - c.x);
  double d2 = (d.x - c.x) * (b.y - c.y) - (d.y - c.y) * (b.x - c.x);
  double d3 = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  double d4 = (b.x - a.x) * (d.y - a.y) - (b.y - a.y) * (d.x - a.x);

  return d1 * d2 < 0 && d3 * d4 < 0;
}

static void
assert_simple_polygon (const HlCurve *curve)
{
  guint n;
  const HlPoint *p = hl_curve_get_polyline (curve, &n);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 2; j < n; j++)
      if (!(i == 0 && j == n - 1))
        g_assert_false (segments_cross (p[i], p[(i + 1) % n], p[j], p[(j + 1) % n]));
}

static void
test_lengths_and_areas (void)
{
  g_autoptr(HlDesign) calibrated = hl_test_empty_design (0.25);
  g_autoptr(HlDesign) plain = hl_test_empty_design (0);
  HlPoint rect[] = { { 0, 0 }, { 400, 0 }, { 400, 200 }, { 0, 200 } };
  gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(HlCurve) outline = hl_curve_new_full (rect, corners, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) with_zone = NULL;
  HlZoneParams params;

  g_assert_cmpfloat (hl_measure_length_mm (hl_test_view (calibrated), (HlPoint) { 0, 0 }, (HlPoint) { 30, 40 }),
                     ==, 12.5);
  /* Uncalibrated: the stated default scale. */
  g_assert_cmpfloat (hl_measure_length_mm (hl_test_view (plain), (HlPoint) { 0, 0 }, (HlPoint) { 100, 0 }),
                     ==, 100 * HL_DEFAULT_MM_PER_PX);

  hl_zone_params_init (&params);
  zone = hl_zone_new ("Box", HL_ZONE_CUSTOM, outline, &params);
  with_zone = hl_edit_add_zone (calibrated, 0, zone);
  /* 100 × 50 mm = 50 cm². */
  g_assert_cmpfloat (fabs (hl_measure_zone_area_cm2 (hl_test_view (with_zone), 0) - 50.0), <, 1e-9);
}

static void
test_midline (void)
{
  g_autoptr(HlDesign) design = hl_test_empty_design (0.5);
  HlPoint g, up;
  double a = 10.0 * G_PI / 180.0;

  g_assert_false (hl_measure_midline (hl_test_view (design), &g, &up));

  design = with_landmark (design, HL_LANDMARK_GLABELLA, 200, 250);
  g_assert_true (hl_measure_midline (hl_test_view (design), &g, &up));
  g_assert_cmpfloat (g.x, ==, 200);
  g_assert_cmpfloat (g.y, ==, 250);
  g_assert_cmpfloat (up.x, ==, 0);
  g_assert_cmpfloat (up.y, ==, -1);

  /* Pupils on a line tilted 10° (down to the image's right): up is
   * perpendicular to it, leaning right. The client's left pupil is on the
   * image's right. */
  design = with_landmark (design, HL_LANDMARK_RIGHT_PUPIL, 200 - 30 * cos (a), 270 - 30 * sin (a));
  design = with_landmark (design, HL_LANDMARK_LEFT_PUPIL, 200 + 30 * cos (a), 270 + 30 * sin (a));
  g_assert_true (hl_measure_midline (hl_test_view (design), &g, &up));
  g_assert_cmpfloat (fabs (up.x - sin (a)), <, 1e-12);
  g_assert_cmpfloat (fabs (up.y + cos (a)), <, 1e-12);

  /* Pupils named the other way round give the same line. */
  design = with_landmark (design, HL_LANDMARK_LEFT_PUPIL, 200 - 30 * cos (a), 270 - 30 * sin (a));
  design = with_landmark (design, HL_LANDMARK_RIGHT_PUPIL, 200 + 30 * cos (a), 270 + 30 * sin (a));
  g_assert_true (hl_measure_midline (hl_test_view (design), &g, &up));
  g_assert_cmpfloat (fabs (up.x - sin (a)), <, 1e-12);
  g_assert_cmpfloat (fabs (up.y + cos (a)), <, 1e-12);
}

static void
test_hairline_height (void)
{
  g_autoptr(HlDesign) design = hl_test_empty_design (0.5);
  g_autoptr(HlDesign) plain = NULL;
  const HlPoint flat[] = { { 0, 90 }, { 400, 90 } };
  const HlPoint beside[] = { { 0, 90 }, { 150, 90 } };
  HlCalibration none = { HL_CALIBRATION_NONE, 0, 0, FALSE, { 0, 0 }, { 0, 0 }, 0 };
  double mm, a = 10.0 * G_PI / 180.0;
  HlPoint at;

  design = with_hairline (design, flat, 2);
  g_assert_false (hl_measure_hairline_height_mm (hl_test_view (design), &mm, &at));
  design = with_landmark (design, HL_LANDMARK_GLABELLA, 200, 250);
  g_assert_true (hl_measure_hairline_height_mm (hl_test_view (design), &mm, &at));
  g_assert_cmpfloat (fabs (mm - 80.0), <, 1e-9);
  g_assert_cmpfloat (fabs (at.x - 200), <, 1e-9);
  g_assert_cmpfloat (fabs (at.y - 90), <, 1e-9);

  /* A tilted face: along the tilted midline, 160 / cos 10° px. */
  design = with_landmark (design, HL_LANDMARK_RIGHT_PUPIL, 200 - 30 * cos (a), 270 - 30 * sin (a));
  design = with_landmark (design, HL_LANDMARK_LEFT_PUPIL, 200 + 30 * cos (a), 270 + 30 * sin (a));
  g_assert_true (hl_measure_hairline_height_mm (hl_test_view (design), &mm, &at));
  g_assert_cmpfloat (fabs (mm - 80.0 / cos (a)), <, 1e-9);
  g_assert_cmpfloat (fabs (at.x - (200 + 160 * tan (a))), <, 1e-9);

  /* Without calibration, or without a crossing: no height. */
  plain = hl_edit_set_calibration (design, 0, &none);
  g_assert_false (hl_measure_hairline_height_mm (hl_test_view (plain), &mm, &at));
  design = with_hairline (design, beside, 2);
  g_assert_false (hl_measure_hairline_height_mm (hl_test_view (design), &mm, &at));
}

/* The sample's notes: the mid-frontal point sits about 5 cm above the
 * glabella on the (foreshortened) photo (35.5 px at 1.3989 mm/px). */
static void
test_sample_height (void)
{
  g_autoptr(HlDesign) sample = hl_test_load_sample ();
  const HlView *view = hl_test_view (sample);
  HlPoint g, up, at;
  double mm, along;

  g_assert_true (hl_measure_midline (view, &g, &up));
  g_assert_true (hl_measure_hairline_height_mm (view, &mm, &at));
  g_test_message ("sample: hairline %.1f mm above the glabella at (%.1f, %.1f)", mm, at.x, at.y);
  /* The crossing lies on the midline and on the hairline. */
  g_assert_cmpfloat (fabs ((at.x - g.x) * up.y - (at.y - g.y) * up.x), <, 1e-6);
  g_assert_true (hl_curve_find_segment (view->hairline, at, 0.01, NULL, NULL));
  along = ((at.x - g.x) * up.x + (at.y - g.y) * up.y) * view->calibration.mm_per_px;
  g_assert_cmpfloat (fabs (along - mm), <, 1e-9);
  /* About 5 cm, near the mid-frontal landmark. */
  g_assert_cmpfloat (mm, >, 47.0);
  g_assert_cmpfloat (mm, <, 53.0);
  g_assert_cmpfloat (hl_point_distance (at, view->landmarks[HL_LANDMARK_MID_FRONTAL_POINT].p), <, 3.0);
}

static double
band_ratio (const HlView  *view,
            const HlCurve *band,
            double         depth_mm)
{
  double m = hl_view_get_mm_per_px (view, NULL);
  double area = hl_curve_area (band) * m * m;

  return area / (hl_curve_length (view->hairline) * m * depth_mm);
}

static void
test_band (void)
{
  g_autoptr(HlDesign) sample = hl_test_load_sample ();
  g_autoptr(HlDesign) flat = hl_test_empty_design (0.5);
  g_autoptr(HlDesign) cup = hl_test_empty_design (0.5);
  const HlPoint line[] = { { 50, 200 }, { 150, 200 }, { 250, 200 }, { 350, 200 } };
  /* A hairline that curls the other way (a deep U opening upward): its
   * normals converge, and 100 mm would fold even half-blended offsets
   * over; the band leans further toward up instead. */
  const HlPoint u[] = { { 100, 50 }, { 120, 150 }, { 200, 190 }, { 280, 150 }, { 300, 50 } };
  g_autoptr(HlCurve) band = NULL;
  g_autoptr(HlCurve) straight = NULL;
  g_autoptr(HlCurve) curled = NULL;
  const HlView *view = hl_test_view (sample);
  double ratio;
  guint n = hl_curve_get_n_points (view->hairline);

  g_assert_null (hl_measure_band_behind_hairline (hl_test_view (flat), 40));

  /* The sample's arched hairline at 40 mm. */
  band = hl_measure_band_behind_hairline (view, 40);
  g_assert_nonnull (band);
  g_assert_true (hl_curve_is_closed (band));
  g_assert_cmpuint (hl_curve_get_n_points (band), ==, 2 * n);
  assert_simple_polygon (band);
  ratio = band_ratio (view, band, 40);
  g_test_message ("sample band: area / (length × depth) = %.3f", ratio);
  g_assert_cmpfloat (fabs (ratio - 1.0), <, 0.15);
  /* The back edge lies behind (above) the front edge on the midline. */
  g_assert_cmpfloat (hl_curve_get_points (band)[2 * n - 1 - n / 2].y, <, hl_curve_get_points (band)[n / 2].y - 20);

  /* A straight hairline: exactly a rectangle, length × depth, above it. */
  flat = with_hairline (g_steal_pointer (&flat), line, 4);
  straight = hl_measure_band_behind_hairline (hl_test_view (flat), 40);
  g_assert_cmpfloat (fabs (hl_curve_area (straight) - 300.0 * 80.0), <, 1e-6);
  g_assert_cmpfloat (fabs (hl_curve_bounds (straight).y0 - 120.0), <, 1e-9);
  g_assert_cmpfloat (fabs (hl_curve_bounds (straight).y1 - 200.0), <, 1e-9);
  g_assert_cmpfloat (fabs (band_ratio (hl_test_view (flat), straight, 40) - 1.0), <, 1e-9);

  /* The curl does not fold over itself. */
  cup = with_hairline (g_steal_pointer (&cup), u, 5);
  curled = hl_measure_band_behind_hairline (hl_test_view (cup), 100);
  g_assert_nonnull (curled);
  assert_simple_polygon (curled);
  g_assert_cmpfloat (hl_curve_area (curled), >, 0);

  /* Nonsense depths. */
  g_assert_null (hl_measure_band_behind_hairline (view, 0));
  g_assert_null (hl_measure_band_behind_hairline (view, NAN));
  g_assert_null (hl_measure_band_behind_hairline (view, -5));
}

static guint
count_pixels (cairo_surface_t *surface,
              int              x0,
              int              y0,
              int              x1,
              int              y1)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (surface)); x++)
      if (((const guint32 *) (gconstpointer) (data + (gsize) y * stride))[x] != 0)
        n++;
  return n;
}

static guint
draw_guides (const HlView    *view,
             double           zoom,
             cairo_surface_t **out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (512 * zoom), (int) (512 * zoom));
  cairo_t *cr = cairo_create (surface);
  guint n;

  cairo_scale (cr, zoom, zoom);
  hl_measure_draw_guides (view, cr, zoom, HL_UNIT_MM);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  n = count_pixels (surface, 0, 0, 100000, 100000);
  if (out != NULL)
    *out = surface;
  else
    cairo_surface_destroy (surface);
  return n;
}

/* The hairline's height label in either unit. */
static void
test_height_unit (void)
{
  g_autofree char *cm = hl_measure_format_height (81.0, HL_UNIT_MM);
  g_autofree char *in = hl_measure_format_height (81.0, HL_UNIT_IN);

  g_assert_cmpstr (cm, ==, "8.1 cm");
  g_assert_cmpstr (in, ==, "3.19 in");
}

static void
test_guides (void)
{
  g_autoptr(HlDesign) sample = hl_test_load_sample ();
  HlCalibration none = { HL_CALIBRATION_NONE, 0, 0, FALSE, { 0, 0 }, { 0, 0 }, 0 };
  g_autoptr(HlDesign) plain = hl_edit_set_calibration (sample, 0, &none);
  g_autoptr(HlDesign) no_hairline = hl_edit_set_hairline (sample, 0, NULL);
  const HlView *view = hl_test_view (sample);
  cairo_surface_t *surface = NULL;
  double zoom = 2.0, m = view->calibration.mm_per_px, mm;
  HlPoint g = view->landmarks[HL_LANDMARK_GLABELLA].p, at;
  guint all, band_only, near_mark, label;

  all = draw_guides (view, zoom, &surface);
  g_assert_cmpuint (all, >, 1000);
  /* The shaded band: 7–10 cm above the glabella, straight up here. */
  g_assert_cmpuint (count_pixels (surface, (int) ((g.x - 2) * zoom), (int) ((g.y - 95 / m) * zoom),
                                  (int) ((g.x + 2) * zoom), (int) ((g.y - 75 / m) * zoom)), >, 0);
  /* A ring at the crossing, its label to the left. */
  g_assert_true (hl_measure_hairline_height_mm (view, &mm, &at));
  near_mark = count_pixels (surface, (int) (at.x * zoom) - 8, (int) (at.y * zoom) - 8,
                            (int) (at.x * zoom) + 8, (int) (at.y * zoom) + 8);
  label = count_pixels (surface, (int) (at.x * zoom) - 70, (int) (at.y * zoom) - 22,
                        (int) (at.x * zoom) - 10, (int) (at.y * zoom) - 4);
  g_test_message ("guides: %u pixels, %u at the crossing, %u in the label", all, near_mark, label);
  g_assert_cmpuint (near_mark, >, 30);
  g_assert_cmpuint (label, >, 60);
  cairo_surface_destroy (surface);

  /* Without a hairline: the band, no marker. */
  band_only = draw_guides (hl_test_view (no_hairline), zoom, NULL);
  g_assert_cmpuint (band_only, >, 500);
  g_assert_cmpuint (band_only, <, all);
  /* Without calibration: nothing at all. */
  g_assert_cmpuint (draw_guides (hl_test_view (plain), zoom, NULL), ==, 0);
}

/* A label drawn in a mirrored view reads as in the plain one: the same
 * pixels on screen, not their mirror image. */
static void
test_label_mirrored (void)
{
  cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 40);
  cairo_surface_t *mirrored = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 40);
  cairo_t *cr;
  guint differ = 0, inked = 0;

  cr = cairo_create (plain);
  hl_measure_draw_label (cr, 1.0, (HlPoint) { 40, 25 }, 0.0, "8.0 cm");
  cairo_destroy (cr);

  /* Image x 160 lands on screen x 40, and the label still runs rightward. */
  cr = cairo_create (mirrored);
  cairo_translate (cr, 200, 0);
  cairo_scale (cr, -1, 1);
  hl_measure_draw_label (cr, 1.0, (HlPoint) { 160, 25 }, 0.0, "8.0 cm");
  cairo_destroy (cr);

  cairo_surface_flush (plain);
  cairo_surface_flush (mirrored);
  for (int y = 0; y < 40; y++)
    for (int x = 0; x < 200; x++)
      {
        const guint8 *a = cairo_image_surface_get_data (plain) + y * cairo_image_surface_get_stride (plain) + x * 4;
        const guint8 *b = cairo_image_surface_get_data (mirrored) + y * cairo_image_surface_get_stride (mirrored) + x * 4;

        inked += a[3] > 0;
        differ += abs (a[3] - b[3]) > 64;
      }
  g_test_message ("%u inked pixels, %u differ", inked, differ);
  g_assert_cmpuint (inked, >, 200);
  g_assert_cmpuint (differ, <, inked / 20);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (mirrored);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/measure/lengths-and-areas", test_lengths_and_areas);
  g_test_add_func ("/measure/midline", test_midline);
  g_test_add_func ("/measure/hairline-height", test_hairline_height);
  g_test_add_func ("/measure/sample-height", test_sample_height);
  g_test_add_func ("/measure/band", test_band);
  g_test_add_func ("/measure/guides", test_guides);
  g_test_add_func ("/measure/height-unit", test_height_unit);
  g_test_add_func ("/measure/label-mirrored", test_label_mirrored);

  return g_test_run ();
}
