/* test-outline.c: the scalp outline and zones below the hairline.
 *
 * A view's scalp outline (its own, or its head chart's) bounds where the
 * engine puts pigment; zones that do not follow the hairline are filled
 * wherever they lie; the stats say why a zone gets fewer dots than asked.
 * Through the library and through the hairline command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

/* The chart sample's natural hairline, 80 mm above the glabella. */
static const HlPoint chart_hairline[] = {
  { 700, 550 }, { 800, 588.079 }, { 900, 604.128 }, { 1000, 637.782 }, { 1100, 644.481 },
  { 1200, 650 }, { 1300, 644.481 }, { 1400, 623.782 }, { 1500, 616.128 }, { 1600, 578.079 },
  { 1700, 550 },
};

static HlCurve *
rect_curve (HlRect r)
{
  HlPoint p[] = { { r.x0, r.y0 }, { r.x1, r.y0 }, { r.x1, r.y1 }, { r.x0, r.y1 } };
  gboolean c[] = { TRUE, TRUE, TRUE, TRUE };

  return hl_curve_new_full (p, c, 4, TRUE);
}

static HlZone *
make_zone (const char *name,
           HlZoneKind  kind,
           HlRect      r,
           gboolean    follows,
           double      edge_blend_mm)
{
  g_autoptr(HlCurve) boundary = rect_curve (r);
  HlZoneParams zp;

  hl_zone_params_init_for_kind (&zp, kind);
  zp.follows_hairline = follows;
  zp.edge_blend_mm = edge_blend_mm;
  zp.density = 60.0;
  return hl_zone_new (name, kind, boundary, &zp);
}

/* A design on the front chart with its hairline and @zones. */
static HlDesign *
chart_design (HlZone **zones,
              guint    n_zones)
{
  HlDesign *design = hl_design_new ();
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);
  g_autoptr(HlCurve) hairline = hl_curve_new (chart_hairline, G_N_ELEMENTS (chart_hairline), FALSE);

  hl_view_set_hairline (view, hairline);
  for (guint i = 0; i < n_zones; i++)
    hl_view_append_zone (view, zones[i]);
  hl_design_set_seed (design, 7);
  hl_design_append_view (design, view);
  return design;
}

static char *
save_tmp (const HlDesign *design,
          const char     *dir,
          const char     *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hl_design_save_to_file (design, path, &error));
  g_assert_no_error (error);
  return path;
}

static const cJSON *
member (const cJSON *o,
        const char  *key)
{
  const cJSON *m = cJSON_GetObjectItemCaseSensitive (o, key);

  g_assert_nonnull (m);
  return m;
}

static gboolean
has_reason (const cJSON *zone,
            const char  *reason)
{
  const cJSON *r;

  cJSON_ArrayForEach (r, member (zone, "short_reasons"))
    if (g_strcmp0 (r->valuestring, reason) == 0)
      return TRUE;
  return FALSE;
}

/* Every chart has an outline that does not cross itself and lies on the
 * drawn head. */
static void
test_chart_outlines (void)
{
  for (guint c = 0; c < HL_N_HEAD_CHARTS; c++)
    {
      HlCurve *outline = hl_head_chart_get_scalp_outline (c);
      g_autoptr(HlView) view = hl_head_chart_new_view (c, NULL);
      const HlPoint *poly;
      guint n;

      g_assert_nonnull (outline);
      g_assert_true (hl_scalp_outline_check (outline, NULL));
      g_assert_true (hl_view_get_scalp_outline (view) == outline);
      poly = hl_curve_get_polyline (outline, &n);
      for (guint i = 0; i < n; i++)
        g_assert_true (hl_head_chart_contains (c, poly[i]));
      g_test_message ("%s chart: scalp outline %.1f cm²", hl_head_chart_to_string (c),
                      hl_curve_area (outline) * HL_HEAD_CHART_MM_PER_PX * HL_HEAD_CHART_MM_PER_PX / 100.0);
    }
}

static void
test_polygon_is_simple (void)
{
  HlPoint square[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
  HlPoint bow[] = { { 0, 0 }, { 10, 10 }, { 10, 0 }, { 0, 10 } };
  HlPoint back[] = { { 0, 0 }, { 10, 0 }, { 5, 0 }, { 5, 5 } };
  HlPoint repeated[] = { { 0, 0 }, { 10, 0 }, { 10, 0 }, { 0, 10 } };

  g_assert_true (hl_polygon_is_simple (square, 4));
  g_assert_false (hl_polygon_is_simple (bow, 4));
  g_assert_false (hl_polygon_is_simple (back, 4));
  g_assert_false (hl_polygon_is_simple (repeated, 4));
  g_assert_false (hl_polygon_is_simple (square, 2));
}

/* A 12 × 20 mm temple below the hairline's right end that does not follow
 * the hairline: filled (engine 4 left it empty). One that follows it keeps
 * the soft front edge: nothing in front of the line, and the stats say so. */
static void
test_temple_below_hairline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-outline-XXXXXX", NULL);
  /* 1700, 550 is the right end; 2 mm below it, 12 mm wide, 20 mm tall.
   * A 1 mm edge blend: the default 4 mm would thin a zone this narrow by
   * half on purpose. */
  HlRect r = { 1640, 570, 1760, 770 };
  HlZone *zones[] = { make_zone ("Temple", HL_ZONE_TEMPLE, r, FALSE, 1.0) };
  g_autoptr(HlDesign) design = chart_design (zones, 1);
  g_autofree char *path = save_tmp (design, dir, "temple.json");
  HlRun run = hl_test_run_hairline (NULL, "stats", "--json", path, NULL);
  cJSON *root;
  const cJSON *zone;
  double area, dots;

  hl_zone_unref (zones[0]);
  g_assert_cmpint (run.status, ==, 0);
  root = cJSON_Parse (run.out);
  g_assert_nonnull (root);
  zone = cJSON_GetArrayItem (member (cJSON_GetArrayItem (member (root, "views"), 0), "zones"), 0);
  /* The chart's view measures on the scalp (the head model): the temple
   * turns away from the front view, so its scalp area is larger than its
   * 2.4 cm² in the image, and its dots follow the scalp. */
  area = member (zone, "area_cm2")->valuedouble;
  dots = member (zone, "dots")->valuedouble;
  g_test_message ("temple: %.2f cm² (%.2f in the image), %.0f dots of %.0f asked", area,
                  member (zone, "image_area_cm2")->valuedouble, dots, area * 60.0);
  g_assert_cmpfloat (fabs (member (zone, "image_area_cm2")->valuedouble - 2.4), <, 0.01);
  g_assert_cmpfloat (area, >, 2.4);
  g_assert_cmpfloat (dots, >=, 0.8 * area * 60.0);
  g_assert_cmpfloat (member (zone, "outside_scalp_fraction")->valuedouble, <, 0.01);
  g_assert_cmpint (cJSON_GetArraySize (member (zone, "short_reasons")), ==, 0);
  g_assert_true (cJSON_IsObject (member (cJSON_GetArrayItem (member (root, "views"), 0), "scalp_outline")));
  cJSON_Delete (root);
  hl_test_run_clear (&run);

  /* The same zone following the hairline: it lies wholly in front of it. */
  {
    HlZone *follow[] = { make_zone ("Temple", HL_ZONE_TEMPLE, r, TRUE, 1.0) };
    g_autoptr(HlDesign) d2 = chart_design (follow, 1);
    g_autofree char *p2 = save_tmp (d2, dir, "temple-follows.json");

    hl_zone_unref (follow[0]);
    run = hl_test_run_hairline (NULL, "stats", "--json", p2, NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = cJSON_Parse (run.out);
    zone = cJSON_GetArrayItem (member (cJSON_GetArrayItem (member (root, "views"), 0), "zones"), 0);
    g_assert_cmpfloat (member (zone, "dots")->valuedouble, <, 0.1 * area * 60.0);
    /* Measured in the image, as the part off the scalp is. */
    g_assert_cmpfloat (member (zone, "in_front_of_hairline_cm2")->valuedouble, >,
                       0.95 * member (zone, "image_area_cm2")->valuedouble);
    g_assert_true (has_reason (zone, "in_front_of_hairline"));
    cJSON_Delete (root);
    hl_test_run_clear (&run);

    run = hl_test_run_hairline (NULL, "stats", p2, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "in front of the hairline"));
    hl_test_run_clear (&run);
    g_unlink (p2);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* A zone larger than the head on the front chart: the background around
 * the head stays as it was (antialiasing may touch 0.05 % of it). */
static void
test_background_untouched (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-outline-XXXXXX", NULL);
  HlZone *zones[] = { make_zone ("Everything", HL_ZONE_MID_SCALP, (HlRect) { -100, -100, 2500, 3100 }, FALSE, 0.5) };
  g_autoptr(HlDesign) with = chart_design (zones, 1);
  g_autoptr(HlDesign) without = chart_design (NULL, 0);
  g_autofree char *p_with = save_tmp (with, dir, "big.json");
  g_autofree char *p_without = save_tmp (without, dir, "none.json");
  g_autofree char *png_with = g_build_filename (dir, "big.png", NULL);
  g_autofree char *png_without = g_build_filename (dir, "none.png", NULL);
  HlRun run;
  cairo_surface_t *a, *b;
  int w, h, sa, sb;
  const guchar *da, *db;
  guint64 background = 0, darkened = 0, changed_on_head = 0;
  guint32 bg_pixel;

  hl_zone_unref (zones[0]);
  run = hl_test_run_hairline (NULL, "render", p_with, "-o", png_with, "--scale", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  hl_test_run_clear (&run);
  run = hl_test_run_hairline (NULL, "render", p_without, "-o", png_without, "--scale", "1",
                              "--allow-empty", NULL);
  g_assert_cmpint (run.status, ==, 0);
  hl_test_run_clear (&run);

  a = cairo_image_surface_create_from_png (png_without);
  b = cairo_image_surface_create_from_png (png_with);
  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (a);
  h = cairo_image_surface_get_height (a);
  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  sa = cairo_image_surface_get_stride (a);
  sb = cairo_image_surface_get_stride (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);

  /* The chart's background is one colour: the top-left pixel's. */
  memcpy (&bg_pixel, da, 4);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa, pb;

        memcpy (&pa, da + (gsize) y * sa + 4 * x, 4);
        memcpy (&pb, db + (gsize) y * sb + 4 * x, 4);
        if (pa == bg_pixel)
          {
            background++;
            if (pb != pa)
              darkened++;
          }
        else if (pb != pa)
          changed_on_head++;
      }
  g_test_message ("background %" G_GUINT64_FORMAT " px, changed %" G_GUINT64_FORMAT
                  "; on the head %" G_GUINT64_FORMAT " px changed", background, darkened, changed_on_head);
  /* Rendered as the command renders by default, cropped to the head:
   * the same frame with and without the zone, a fair part of it
   * background. */
  g_assert_cmpuint (background, >, (guint64) w * h / 5);
  g_assert_cmpfloat ((double) darkened, <=, 0.0005 * background);
  /* The zone did fill the scalp. */
  g_assert_cmpuint (changed_on_head, >, 30000);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  g_unlink (p_with);
  g_unlink (p_without);
  g_unlink (png_with);
  g_unlink (png_without);
  g_rmdir (dir);
}

static const char *photo_design_head =
  "{\"format\": \"hairline-studio-design\", \"version\": 2, \"engine_version\": 5, \"seed\": 1,"
  " \"views\": [{\"name\": \"front\","
  " \"calibration\": {\"source\": \"manual\", \"mm_per_px\": 0.1, \"uncertainty\": 0.02},";

/* Outlines that cannot bound a scalp are refused, naming where. */
static void
test_bad_outlines (void)
{
  static const struct { const char *outline; const char *message; } cases[] = {
    { "[[0, 0], [100, 100]]", "views[0].scalp_outline: needs at least 3 points" },
    { "[[0, 0], [100, 100], [100, 0], [0, 100]]", "views[0].scalp_outline: crosses itself" },
  };
  g_autofree char *dir = g_dir_make_tmp ("hl-outline-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s \"scalp_outline\": %s, \"zones\": []}]}",
                                               photo_design_head, cases[i].outline);
      g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);
      HlRun run;

      g_assert_null (design);
      g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      run = hl_test_run_hairline (NULL, "validate", path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      hl_test_run_clear (&run);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* On a photo, the outline is optional and set in the file: a zone wholly
 * outside it gets no dot and the stats say why; one inside is filled. */
static void
test_zone_outside_outline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-outline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "photo.json", NULL);
  g_autofree char *text = g_strdup_printf (
    "%s \"scalp_outline\": [[0, 0], [1000, 0], [1000, 1000], [0, 1000]],"
    " \"scalp_outline_corners\": [0, 1, 2, 3],"
    " \"zones\": [{\"name\": \"In\", \"kind\": \"crown\", \"boundary\": [[100, 100], [500, 100], [500, 500], [100, 500]],"
    "   \"boundary_corners\": [0, 1, 2, 3], \"density\": 60},"
    "  {\"name\": \"Out\", \"kind\": \"scar\", \"boundary\": [[1200, 100], [1600, 100], [1600, 500], [1200, 500]],"
    "   \"boundary_corners\": [0, 1, 2, 3], \"density\": 60},"
    "  {\"name\": \"Half\", \"kind\": \"crown\", \"boundary\": [[800, 600], [1200, 600], [1200, 1000], [800, 1000]],"
    "   \"boundary_corners\": [0, 1, 2, 3], \"density\": 60}]}]}",
    photo_design_head);
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(HlStippler) st = hl_stippler_new ();
  HlZoneStats stats;
  g_autofree char *why = NULL;
  HlRun run;
  cJSON *root;
  const cJSON *zones;

  design = hl_design_load_from_data (text, strlen (text), NULL);
  g_assert_nonnull (design);
  hl_stippler_update (st, hl_design_get_view (design, 0), design->seed);

  g_assert_true (hl_stippler_get_zone_stats (st, 0, &stats));
  g_assert_cmpuint (stats.dots, >, 0.8 * 16 * 60);
  g_assert_cmpfloat (stats.outside_scalp_cm2, ==, 0.0);
  g_assert_null (hl_zone_stats_explain (&stats));

  g_assert_true (hl_stippler_get_zone_stats (st, 1, &stats));
  g_assert_cmpuint (stats.dots, ==, 0);
  g_assert_cmpfloat (fabs (stats.outside_scalp_cm2 - 16.0), <, 0.2);
  g_assert_true (hl_zone_stats_get_shortfall (&stats) == HL_ZONE_SHORT_OUTSIDE_SCALP);
  why = hl_zone_stats_explain (&stats);
  g_assert_nonnull (strstr (why, "outside the scalp outline"));

  /* Half of the third zone is off the scalp; every dot is on it. */
  g_assert_true (hl_stippler_get_zone_stats (st, 2, &stats));
  g_assert_cmpfloat (fabs (stats.outside_scalp_cm2 / stats.area_cm2 - 0.5), <, 0.02);
  {
    gsize n;
    const HlDot *dots = hl_stippler_get_dots (st, &n);

    for (gsize i = 0; i < n; i++)
      {
        g_assert_cmpfloat (dots[i].x, <=, 1000.0);
        g_assert_cmpfloat (dots[i].y, <=, 1000.0);
      }
  }

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  run = hl_test_run_hairline (NULL, "stats", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = cJSON_Parse (run.out);
  zones = member (cJSON_GetArrayItem (member (root, "views"), 0), "zones");
  g_assert_cmpfloat (member (cJSON_GetArrayItem (zones, 1), "dots")->valuedouble, ==, 0);
  g_assert_cmpfloat (member (cJSON_GetArrayItem (zones, 1), "outside_scalp_fraction")->valuedouble, ==, 1.0);
  g_assert_true (has_reason (cJSON_GetArrayItem (zones, 1), "outside_scalp"));
  g_assert_false (has_reason (cJSON_GetArrayItem (zones, 0), "outside_scalp"));
  g_assert_cmpstr (member (member (cJSON_GetArrayItem (member (root, "views"), 0), "scalp_outline"), "source")->valuestring,
                   ==, "view");
  cJSON_Delete (root);
  hl_test_run_clear (&run);

  run = hl_test_run_hairline (NULL, "stats", path, NULL);
  g_assert_nonnull (strstr (run.out, "The zone lies outside the scalp outline"));
  hl_test_run_clear (&run);

  g_unlink (path);
  g_rmdir (dir);
}

/* Save and load keep a view's outline and its corners; a chart's own
 * outline is not written (it comes from the chart). */
static void
test_round_trip (void)
{
  g_autoptr(HlDesign) design = chart_design (NULL, 0);
  g_autoptr(HlView) view = hl_view_copy (hl_design_get_view (design, 0));
  HlPoint p[] = { { 500, 300 }, { 1900, 300 }, { 2000, 1500 }, { 1200, 1700 }, { 400, 1500 } };
  gboolean c[] = { FALSE, TRUE, FALSE, TRUE, FALSE };
  g_autoptr(HlCurve) outline = hl_curve_new_full (p, c, G_N_ELEMENTS (p), TRUE);
  g_autofree char *json = NULL, *json2 = NULL, *chart_json = hl_design_to_json (design, NULL);
  g_autoptr(HlDesign) loaded = NULL;
  gsize len;

  g_assert_null (strstr (chart_json, "scalp_outline"));

  hl_view_set_scalp_outline (view, outline);
  hl_design_replace_view (design, 0, view);
  json = hl_design_to_json (design, &len);
  g_assert_nonnull (strstr (json, "\"scalp_outline\""));
  g_assert_nonnull (strstr (json, "\"scalp_outline_corners\""));
  loaded = hl_design_load_from_data (json, len, NULL);
  g_assert_nonnull (loaded);
  g_assert_true (hl_curve_equal (hl_design_get_view (loaded, 0)->scalp_outline, outline));
  /* The view's own outline wins over the chart's. */
  g_assert_true (hl_curve_equal (hl_view_get_scalp_outline (hl_design_get_view (loaded, 0)), outline));
  json2 = hl_design_to_json (loaded, NULL);
  g_assert_cmpstr (json, ==, json2);
}

/* "Frontal band from hairline" stays inside the outline, however deep. */
static void
test_frontal_band_clipped (void)
{
  g_autoptr(HlDesign) design = chart_design (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) banded = hl_edit_add_frontal_band (design, 0, 300.0, &error);
  const HlView *view;
  const HlZone *band;
  HlCurve *outline;
  const HlPoint *ring, *pts;
  guint n_ring;

  g_assert_no_error (error);
  view = hl_design_get_view (banded, 0);
  band = hl_view_get_zone (view, 0);
  outline = hl_view_get_scalp_outline (view);
  ring = hl_curve_get_polyline (outline, &n_ring);
  pts = hl_curve_get_points (band->boundary);
  for (guint i = 0; i < hl_curve_get_n_points (band->boundary); i++)
    g_assert_true (hl_polygon_contains (ring, n_ring, pts[i]));
  /* Not much more than the outline (the band's smooth sides bulge a
   * little between points). */
  g_assert_cmpfloat (hl_curve_area (band->boundary), <=, 1.02 * hl_curve_area (outline));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outline/polygon-is-simple", test_polygon_is_simple);
  g_test_add_func ("/outline/chart-outlines", test_chart_outlines);
  g_test_add_func ("/outline/bad-outlines", test_bad_outlines);
  g_test_add_func ("/outline/round-trip", test_round_trip);
  g_test_add_func ("/outline/zone-outside-outline", test_zone_outside_outline);
  g_test_add_func ("/outline/temple-below-hairline", test_temple_below_hairline);
  g_test_add_func ("/outline/frontal-band-clipped", test_frontal_band_clipped);
  g_test_add_func ("/outline/background-untouched", test_background_untouched);

  return g_test_run ();
}
