/* test-head-figures.c: the consultation sheet and the density map in scalp
 * figures. The sheet is read back with poppler's pdftotext (skipped
 * without it): on the head-chart sample, whose views have a head model,
 * each zone's area is its area on the scalp, checked against an
 * integration of the model's area factor over the zone done here, with
 * the photo's area beside it and densities per cm² of scalp; a view
 * without a model says it is measured in the photo plane and why. The
 * density map counts cells on the model's scalp whatever the calibration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-density-map.h"
#include "hl-design-io.h"
#include "hl-head-fit.h"
#include "hl-report.h"
#include "hl-stippler.h"
#include "hl-measure.h"
#include "hl-test-util.h"

static HlDesign *
load_sample (const char *name,
             char      **path_out)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_design_load_from_file (path, &error);

  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return design;
}

/* The sheet of @design as text, its lines joined by single spaces (a
 * figure and its unit may be wrapped apart); NULL without pdftotext. */
static char *
sheet_text (const HlDesign *design,
            const char     *design_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-head-figures-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  char *flat;

  g_assert_no_error (error);
  g_assert_true (hl_report_write_pdf (design, design_path, pdf, &error));
  g_assert_no_error (error);
  if (hl_test_spawn (&out, "pdftotext", pdf, "-", NULL) != 0)
    out = NULL;
  g_unlink (pdf);
  g_rmdir (dir);
  if (out == NULL)
    return NULL;
  flat = g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
  return flat;
}

/* The part of @text about view @name: from "View: NAME " to the next
 * view (transfer full). */
static char *
view_section (const char *text,
              const char *name)
{
  g_autofree char *head = g_strdup_printf ("View: %s ", name);
  const char *at = strstr (text, head), *end;

  g_assert_nonnull (at);
  end = strstr (at + strlen (head), "View: ");
  return end != NULL ? g_strndup (at, (gsize) (end - at)) : g_strdup (at);
}

/* The number that follows @label in @text (at or after @from). */
static double
number_after (const char  *text,
              const char  *label,
              const char **next)
{
  const char *at = strstr (text, label);
  char *end;
  double v;

  g_assert_nonnull (at);
  v = g_ascii_strtod (at + strlen (label), &end);
  g_assert_true (end != at + strlen (label));
  if (next != NULL)
    *next = end;
  return v;
}

/* Even-odd inside test on the polyline of @curve. */
static gboolean
inside (const HlPoint *poly,
        guint          n,
        HlPoint        p)
{
  gboolean in = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    if ((poly[i].y > p.y) != (poly[j].y > p.y) &&
        p.x < (poly[j].x - poly[i].x) * (p.y - poly[i].y) / (poly[j].y - poly[i].y) + poly[i].x)
      in = !in;
  return in;
}

/* The zone's area on the scalp (cm²), integrated here on a 300 × 300 grid
 * over its box from the view's area factor, and its area in the photo. */
static void
integrate_zone (const HlView *view,
                const HlZone *zone,
                double       *scalp_cm2,
                double       *image_cm2)
{
  guint n;
  const HlPoint *poly = hl_curve_get_polyline (zone->boundary, &n);
  HlRect box = hl_rect_from_points (poly, n);
  double m = hl_view_get_mm_per_px (view, NULL);
  double sx = (box.x1 - box.x0) / 300.0, sy = (box.y1 - box.y0) / 300.0;
  double scalp = 0.0, image = 0.0;

  for (int j = 0; j < 300; j++)
    for (int i = 0; i < 300; i++)
      {
        HlPoint p = { box.x0 + (i + 0.5) * sx, box.y0 + (j + 0.5) * sy };

        if (!inside (poly, n, p))
          continue;
        image += 1.0;
        scalp += hl_view_get_area_factor (view, p);
      }
  *scalp_cm2 = scalp * sx * sy * m * m / 100.0;
  *image_cm2 = image * sx * sy * m * m / 100.0;
}

/* The head-chart sample: every view says it is measured on the scalp of
 * its head model, every zone gives its scalp area (within 2 % of the
 * integration above, and at least 1.3 × its image area on these charts,
 * whose zones lie where the scalp turns away), its photo area beside it,
 * and its achieved density per cm² of scalp, as the engine counts. */
static void
test_sheet_scalp (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample ("head-chart-consultation.json", &path);
  g_autofree char *text = sheet_text (design, path);

  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_cmpuint (hl_design_get_n_views (design), >=, 2);
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      const HlView *view = hl_design_get_view (design, v);
      g_autofree char *section = view_section (text, view->name);
      g_autoptr(HlStippler) st = hl_stippler_new ();
      g_autofree char *head = NULL;

      g_assert_true (view->has_head);
      head = g_strdup_printf ("Measured on the scalp: head model %.0f × %.0f × %.0f mm", view->head.breadth_mm,
                              view->head.length_mm, view->head.height_mm);
      g_assert_nonnull (strstr (section, head));
      g_assert_null (strstr (section, "photo plane"));
      /* The hairline's height, along the forehead as a tape measures it,
       * with the photo's shorter figure beside it. */
      if (view->landmarks[HL_LANDMARK_GLABELLA].set && view->hairline != NULL)
        {
          double mm, sheet_cm, photo_cm;
          const char *rest;
          HlPoint at;

          g_assert_true (hl_measure_hairline_height_mm (view, &mm, &at));
          sheet_cm = number_after (section, "Hairline height above the glabella (at its vertical): ", &rest);
          g_assert_true (g_str_has_prefix (rest, " cm along the forehead ("));
          photo_cm = number_after (rest, "(", &rest);
          g_assert_true (g_str_has_prefix (rest, " cm on the photo)"));
          g_test_message ("%s: hairline %.1f cm along the forehead, %.1f cm on the photo (measured %.2f mm)",
                          view->name, sheet_cm, photo_cm, mm);
          g_assert_cmpfloat (fabs (sheet_cm - mm / 10.0), <=, 0.051);
          g_assert_cmpfloat (photo_cm, <, sheet_cm);
        }
      hl_stippler_update (st, view, design->seed);
      for (guint z = 0; z < hl_view_get_n_zones (view); z++)
        {
          const HlZone *zone = hl_view_get_zone (view, z);
          g_autofree char *title = g_strdup_printf ("%s (", zone->name);
          const char *at = strstr (section, title), *rest;
          HlZoneStats stats;
          double scalp, image, achieved, want_scalp, want_image;

          g_assert_nonnull (at);
          g_assert_true (hl_stippler_get_zone_stats (st, z, &stats));
          integrate_zone (view, zone, &want_scalp, &want_image);
          scalp = number_after (at, "Area ", &rest);
          g_assert_true (g_str_has_prefix (rest, " cm² of scalp ("));
          image = number_after (rest, "(", &rest);
          g_assert_true (g_str_has_prefix (rest, " cm² in the photo)"));
          g_assert_nonnull (strstr (rest, "dots/cm² of scalp asked"));
          achieved = number_after (rest, "asked, ", NULL);
          g_test_message ("%s/%s: sheet %.1f cm² of scalp, %.1f in the photo, %.1f achieved; "
                          "integrated %.2f and %.2f; engine %.2f and %u dots",
                          view->name, zone->name, scalp, image, achieved, want_scalp, want_image,
                          stats.area_cm2, stats.dots);
          g_assert_cmpfloat (fabs (scalp - want_scalp), <=, 0.02 * want_scalp + 0.05);
          g_assert_cmpfloat (fabs (image - want_image), <=, 0.01 * want_image + 0.05);
          g_assert_cmpfloat (scalp, >=, 1.3 * image);
          g_assert_cmpfloat (fabs (achieved - stats.dots / stats.area_cm2), <=, 0.051);
          /* Per cm² of scalp, not of the photo. */
          g_assert_cmpfloat (fabs (achieved - stats.dots / stats.image_area_cm2), >, 1.0);
        }
    }
}

/* The photo sample's view has no head model: the sheet says it is
 * measured in the photo plane, with the reason stats gives, and its
 * zones' areas are the photo's, without "of scalp". */
static void
test_sheet_photo_plane (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample ("front-consultation.json", &path);
  g_autofree char *text = sheet_text (design, path);
  const HlView *view = hl_design_get_view (design, 0);
  g_autofree char *why = hl_head_fit_explain (view);
  g_autofree char *line = NULL;
  g_autofree char *section = NULL;

  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_false (view->has_head);
  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, "not fitted"));
  section = view_section (text, view->name);
  line = g_strdup_printf ("Measured in the photo plane (areas as the photo shows them): %s", why);
  g_assert_nonnull (strstr (section, line));
  g_assert_null (strstr (section, "of scalp"));
  g_assert_nonnull (strstr (section, " cm² · density "));
}

/* hl_head_fit_explain(): NULL with a model; a chart without its pose and
 * a view that cannot be fitted say so. */
static void
test_explain (void)
{
  g_autoptr(HlDesign) design = load_sample ("head-chart-consultation.json", NULL);
  g_autoptr(HlView) bare = hl_view_copy (hl_design_get_view (design, 0));
  g_autoptr(HlView) blank = hl_view_new ("front");
  g_autofree char *chart = NULL, *none = NULL, *given = NULL;

  g_assert_null (hl_head_fit_explain (hl_design_get_view (design, 0)));
  hl_view_set_head (bare, NULL, NULL);
  chart = hl_head_fit_explain (bare);
  g_assert_nonnull (strstr (chart, "before format 3"));
  none = hl_head_fit_explain (blank);
  g_assert_nonnull (strstr (none, "Calibrate"));
  hl_view_set_head_reason (bare, "the landmarks give a head 230 mm broad");
  given = hl_head_fit_explain (bare);
  g_assert_cmpstr (given, ==, "the landmarks give a head 230 mm broad");
}

/* The density map of a posed view counts cells on the model's scalp:
 * with the calibration doubled (the pose unchanged, cells twice the mm so
 * that the grid is the same) every cell reads the same dots per cm² of
 * scalp; the legend says "of scalp". Without the model the legend says
 * "achieved" and the values are per cm² of the photo, lower. */
static void
test_map_scalp (void)
{
  g_autoptr(HlDesign) design = load_sample ("head-chart-consultation.json", NULL);
  const HlView *view = hl_design_get_view (design, 1);
  g_autoptr(HlView) coarse = hl_view_copy (view);
  g_autoptr(HlView) flat = hl_view_copy (view);
  g_autoptr(HlStippler) st = hl_stippler_new ();
  g_autoptr(HlDensityMap) map = NULL, map2 = NULL, map3 = NULL;
  g_autofree char *title = NULL, *title3 = NULL;
  HlCalibration cal = view->calibration;
  const HlDot *dots;
  gsize n;
  guint compared = 0, higher = 0;

  g_assert_true (view->has_head);
  hl_stippler_update (st, view, design->seed);
  dots = hl_stippler_get_dots (st, &n);
  g_assert_cmpuint (n, >, 1000);

  cal.mm_per_px *= 2.0;
  hl_view_set_calibration (coarse, &cal);
  hl_view_set_head (flat, NULL, NULL);
  map = hl_density_map_new (view, dots, n, 0, 5.0);
  map2 = hl_density_map_new (coarse, dots, n, 0, 10.0);
  map3 = hl_density_map_new (flat, dots, n, 0, 5.0);
  g_assert_nonnull (map);
  g_assert_nonnull (map2);
  g_assert_nonnull (map3);
  g_assert_true (map->on_scalp);
  g_assert_true (map2->on_scalp);
  g_assert_false (map3->on_scalp);
  g_assert_cmpint (map->columns, ==, map2->columns);
  g_assert_cmpint (map->rows, ==, map2->rows);
  for (int r = 0; r < map->rows; r++)
    for (int c = 0; c < map->columns; c++)
      {
        double a = hl_density_map_get (map, c, r), b = hl_density_map_get (map2, c, r);
        double f = hl_density_map_get (map3, c, r);

        g_assert_cmpint (isnan (a), ==, isnan (b));
        if (isnan (a))
          continue;
        g_assert_cmpfloat (fabs (a - b), <=, 1e-3 * a + 1e-6);
        compared++;
        higher += f > a * 1.2;
      }
  g_assert_cmpuint (compared, >, 50);
  /* Per cm² of the photo, the cells near the head's edge read far more
   * than per cm² of scalp. */
  g_assert_cmpuint (higher, >, compared / 4);
  g_assert_cmpfloat (fabs (map->mean - map2->mean), <=, 1e-3 * map->mean);
  title = hl_density_map_title (map);
  title3 = hl_density_map_title (map3);
  g_assert_true (g_str_has_prefix (title, "Dots/cm² of scalp"));
  g_assert_true (g_str_has_prefix (title3, "Dots/cm² achieved"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/head-figures/sheet-scalp", test_sheet_scalp);
  g_test_add_func ("/head-figures/sheet-photo-plane", test_sheet_photo_plane);
  g_test_add_func ("/head-figures/explain", test_explain);
  g_test_add_func ("/head-figures/map-scalp", test_map_scalp);
  return g_test_run ();
}
