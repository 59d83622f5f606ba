/* test-head-measures.c: areas, densities and distances on the scalp of the
 * head model, through the engine and the design edits (the "Must
 * show" checks), and views without a model unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-design.h"
#include "hl-edit.h"
#include "hl-hairline-template.h"
#include "hl-head-chart.h"
#include "hl-measure.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

#define PX_PER_MM 10.0

static HlCurve *
square_mm (double cx,
           double cy,
           double side)
{
  double h = side / 2.0 * PX_PER_MM;
  HlPoint pts[] = { { cx * PX_PER_MM - h, cy * PX_PER_MM - h }, { cx * PX_PER_MM + h, cy * PX_PER_MM - h },
                    { cx * PX_PER_MM + h, cy * PX_PER_MM + h }, { cx * PX_PER_MM - h, cy * PX_PER_MM + h } };
  gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };

  return hl_curve_new_full (pts, corners, 4, TRUE);
}

static void
add_square (HlView *view,
            double  cx,
            double  cy,
            guint32 seed)
{
  g_autoptr(HlCurve) outline = square_mm (cx, cy, 20.0);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;

  hl_zone_params_init (&zp);
  zp.density = 60.0;
  zp.seed = seed;
  zone = hl_zone_new ("Zone", HL_ZONE_CUSTOM, outline, &zp);
  hl_view_append_zone (view, zone);
}

/* The engine (7) on a view with a head model: the same dots every time;
 * the pinned digest catches any change in the numbers (HL_ENGINE_VERSION
 * must change with an intended one). */
#define PINNED_HEAD_DIGEST "33b3d139f36a6635f2a52661bd5ebe66a211bf7671c521a4b79de2ddab830308"

static void
test_determinism (void)
{
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
  g_autoptr(GArray) a = NULL, b = NULL;
  g_autofree char *da = NULL, *db = NULL;

  add_square (view, 120.0, 145.0, 1);
  add_square (view, 120.0 + 76.0 - 12.0, 145.0, 2);
  a = hl_stipple_view (view, 7);
  b = hl_stipple_view (view, 7);
  da = hl_test_dots_digest ((const HlDot *) (gconstpointer) a->data, a->len);
  db = hl_test_dots_digest ((const HlDot *) (gconstpointer) b->data, b->len);
  g_test_message ("engine %d, top chart with its head model: digest %s (%u dots)", HL_ENGINE_VERSION, da, a->len);
  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (da, ==, PINNED_HEAD_DIGEST);
}

/* The engine's incremental updates on a view with a head model give what
 * a fresh engine gives: a zone moved, a density changed, the pose changed. */
static void
assert_same_as_fresh (HlStippler   *engine,
                      const HlView *view)
{
  g_autoptr(GArray) fresh = hl_stipple_view (view, 7);
  gsize n;
  const HlDot *dots = hl_stippler_get_dots (engine, &n);

  g_assert_cmpuint (n, ==, fresh->len);
  g_assert_cmpmem (dots, n * sizeof (HlDot), fresh->data, fresh->len * sizeof (HlDot));
}

static void
test_incremental (void)
{
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);
  g_autoptr(HlStippler) engine = hl_stippler_new ();
  g_autoptr(HlView) moved = NULL, denser = NULL, turned = NULL;
  g_autoptr(HlCurve) outline = square_mm (150.0, 60.0, 20.0);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;
  HlHeadPose pose;

  add_square (view, 120.0, 50.0, 1);
  add_square (view, 150.0, 75.0, 2);
  hl_stippler_update (engine, view, 7);
  assert_same_as_fresh (engine, view);

  moved = hl_view_copy (view);
  zone = hl_zone_copy (hl_view_get_zone (view, 1));
  hl_zone_set_boundary (zone, outline);
  hl_view_replace_zone (moved, 1, zone);
  hl_stippler_update (engine, moved, 7);
  assert_same_as_fresh (engine, moved);

  denser = hl_view_copy (moved);
  g_clear_pointer (&zone, hl_zone_unref);
  zone = hl_zone_copy (hl_view_get_zone (moved, 0));
  zp = zone->params;
  zp.density = 72.0;
  hl_zone_set_params (zone, &zp);
  hl_view_replace_zone (denser, 0, zone);
  hl_stippler_update (engine, denser, 7);
  assert_same_as_fresh (engine, denser);

  turned = hl_view_copy (denser);
  pose = turned->pose;
  pose.yaw_deg = 10.0;
  hl_view_set_head (turned, &turned->head, &pose);
  hl_stippler_update (engine, turned, 7);
  assert_same_as_fresh (engine, turned);
}

/* Must show 1: on the top chart a 20 × 20 mm square just inside the
 * head's edge covers at least 1.3 × the scalp per image area of one at the
 * centre, and holds at least 1.25 × the dots per image cm²; both hold
 * about 60 dots per cm² of scalp. */
static void
test_top_squares (void)
{
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
  g_autoptr(HlStippler) engine = hl_stippler_new ();
  HlZoneStats centre, edge;
  double ratio_c, ratio_e, per_image_c, per_image_e;

  /* The head's outline on the top chart: centre (120, 145) mm, 76 mm to
   * its side edge; the outer square ends 2 mm inside it. */
  add_square (view, 120.0, 145.0, 1);
  add_square (view, 120.0 + 76.0 - 12.0, 145.0, 2);
  hl_stippler_update (engine, view, 7);
  g_assert_true (hl_stippler_get_zone_stats (engine, 0, &centre));
  g_assert_true (hl_stippler_get_zone_stats (engine, 1, &edge));

  g_assert_true (centre.on_scalp && edge.on_scalp);
  g_assert_cmpfloat_with_epsilon (centre.image_area_cm2, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (edge.image_area_cm2, 4.0, 1e-9);
  ratio_c = centre.area_cm2 / centre.image_area_cm2;
  ratio_e = edge.area_cm2 / edge.image_area_cm2;
  per_image_c = centre.dots / centre.image_area_cm2;
  per_image_e = edge.dots / edge.image_area_cm2;
  g_test_message ("scalp/image: centre %.3f, edge %.3f; dots per image cm²: %.1f, %.1f; per scalp cm²: %.1f, %.1f",
                  ratio_c, ratio_e, per_image_c, per_image_e, centre.dots / centre.area_cm2,
                  edge.dots / edge.area_cm2);
  g_assert_cmpfloat (ratio_c, <, 1.05);
  g_assert_cmpfloat (ratio_e, >=, 1.3 * ratio_c);
  g_assert_cmpfloat (per_image_e, >=, 1.25 * per_image_c);
  /* The dots follow the scalp: within 3 % of ∫ density, and below 60 per
   * cm² of scalp: the edge blend thins the squares' borders. Measured
   * along the scalp (engine 7) it thins the same width of scalp around
   * each square, a smaller share of the outer one, which covers 2.4 × the
   * scalp: the outer square reads at least the centre's density. */
  g_assert_cmpfloat (fabs (centre.dots / centre.expected_dots - 1.0), <, 0.03);
  g_assert_cmpfloat (fabs (edge.dots / edge.expected_dots - 1.0), <, 0.03);
  g_assert_cmpfloat (edge.dots / edge.area_cm2, >=, 0.97 * centre.dots / centre.area_cm2);
  g_assert_cmpfloat (edge.dots / edge.area_cm2, <=, 60.0 * 1.03);
}

/* A view without a head model keeps the photo plane: the same dots as a
 * chart view whose model is removed gives without it, areas in the plane. */
static void
test_photo_plane (void)
{
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
  g_autoptr(HlView) plane = NULL;
  g_autoptr(HlStippler) engine = hl_stippler_new ();
  HlZoneStats stats;
  gsize n_head, n_plane;

  add_square (view, 120.0 + 76.0 - 12.0, 145.0, 2);
  hl_stippler_update (engine, view, 7);
  hl_stippler_get_dots (engine, &n_head);
  plane = hl_view_copy (view);
  hl_view_set_head (plane, NULL, NULL);
  hl_stippler_update (engine, plane, 7);
  hl_stippler_get_dots (engine, &n_plane);
  g_assert_true (hl_stippler_get_zone_stats (engine, 0, &stats));
  g_assert_false (stats.on_scalp);
  g_assert_cmpfloat (stats.area_cm2, ==, stats.image_area_cm2);
  g_assert_cmpfloat (n_head, >, 1.3 * n_plane);
  /* The same as a fresh engine on the plane view (caches let go of the
   * model). */
  {
    g_autoptr(GArray) fresh = hl_stipple_view (plane, 7);
    const HlDot *dots = hl_stippler_get_dots (engine, &n_plane);

    g_assert_cmpuint (fresh->len, ==, n_plane);
    g_assert_cmpmem (fresh->data, fresh->len * sizeof (HlDot), dots, n_plane * sizeof (HlDot));
  }
}

/* Must show 2: "Frontal band from hairline" of 40 mm on the front chart,
 * measured along the scalp, stays on the head, and its scalp area is
 * within 10 % of 40 mm × the hairline's length along the scalp. */
static void
check_frontal_band (gboolean trim)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlCurve) hairline = hl_hairline_template_propose (view, HL_HAIRLINE_STYLE_NATURAL, 80.0, &error);
  g_autoptr(HlDesign) banded = NULL;
  g_autoptr(HlStippler) engine = hl_stippler_new ();
  const HlView *v;
  const HlZone *band;
  const HlPoint *line, *ring;
  guint n_line, n_ring;
  double length_mm = 0.0, top_y;
  HlZoneStats stats;

  g_assert_no_error (error);
  if (trim)
    {
      /* The middle of the line, where the front view sees the scalp at
       * less than 60° (area ratio up to 2) and the band behind it whole: at this chart's temples (50 mm from the midline, 70 mm
       * above the centre) the ellipsoid's side is at the silhouette, and
       * what lies behind them is on the side of the head, out of this
       * view. */
      const HlPoint *pts = hl_curve_get_points (hairline);
      guint n = hl_curve_get_n_points (hairline), first = 0, last = n - 1;
      g_autoptr(HlCurve) middle = NULL;

      while (first < n && hl_head_model_area_ratio (&view->head, &view->pose, pts[first]) > 2.0)
        first++;
      while (last > first && hl_head_model_area_ratio (&view->head, &view->pose, pts[last]) > 2.0)
        last--;
      g_assert_cmpuint (last - first, >=, 4);
      middle = hl_curve_new (pts + first, last - first + 1, FALSE);
      hl_view_set_hairline (view, middle);
    }
  else
    hl_view_set_hairline (view, hairline);
  hl_design_append_view (design, view);
  banded = hl_edit_add_frontal_band (design, 0, 40.0, &error);
  g_assert_no_error (error);
  v = hl_design_get_view (banded, 0);
  band = hl_view_get_zone (v, 0);

  line = hl_curve_get_polyline (v->hairline, &n_line);
  for (guint i = 0; i + 1 < n_line; i++)
    {
      double mm;

      g_assert_true (hl_head_model_image_distance (&v->head, &v->pose, line[i], line[i + 1], &mm));
      length_mm += mm;
    }

  /* On the head: every point of the band's outline on the model and on
   * the drawn chart; its back edge short of the vertex (the top of the
   * head's outline at y 20 mm). */
  ring = hl_curve_get_polyline (band->boundary, &n_ring);
  top_y = G_MAXDOUBLE;
  for (guint i = 0; i < n_ring; i++)
    {
      double x[3];

      g_assert_true (hl_head_model_image_to_scalp (&v->head, &v->pose, ring[i], x));
      g_assert_true (hl_head_chart_contains (HL_HEAD_CHART_FRONT, ring[i]));
      top_y = MIN (top_y, ring[i].y);
    }
  g_assert_cmpfloat (top_y, >, 20.0 * PX_PER_MM);

  hl_stippler_update (engine, v, 7);
  g_assert_true (hl_stippler_get_zone_stats (engine, 0, &stats));
  g_test_message ("hairline %.1f mm along the scalp; band %.2f cm² of scalp (%.2f in the image), "
                  "40 mm × length = %.2f cm²", length_mm, stats.area_cm2, stats.image_area_cm2,
                  40.0 * length_mm / 100.0);
  if (trim)
    g_assert_cmpfloat (fabs (stats.area_cm2 / (40.0 * length_mm / 100.0) - 1.0), <, 0.10);
  else
    {
      /* Temple to temple, the band's ends stop at the silhouette: less
       * than 40 mm × the length, but more than the image shows. */
      g_assert_cmpfloat (stats.area_cm2, <, 40.0 * length_mm / 100.0);
      g_assert_cmpfloat (stats.area_cm2, >, 0.8 * 40.0 * length_mm / 100.0);
    }
  /* The image area is much smaller: the scalp turns away. */
  g_assert_cmpfloat (stats.image_area_cm2, <, 0.8 * stats.area_cm2);
}

static void
test_frontal_band (void)
{
  check_frontal_band (TRUE);
}

static void
test_frontal_band_temples (void)
{
  check_frontal_band (FALSE);
}

/* Heights above the glabella on the front chart are taken along the
 * forehead's curve, as a tape on the skin takes the 7–10 cm rule; the
 * image shows them shorter. Without a model, in the photo's plane. */
static void
test_forehead_height (void)
{
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);
  g_autoptr(HlView) flat = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlCurve) hairline = NULL;
  HlPoint g, up, p, at;
  gboolean on_scalp;
  double m, d, mm, on_model;

  g_assert_true (view->has_head);
  g_assert_true (hl_measure_midline (view, &g, &up));
  m = hl_view_get_mm_per_px (view, NULL);

  for (double want = 70.0; want <= 100.0; want += 10.0)
    {
      g_assert_true (hl_measure_midline_point (view, want, &p));
      d = hl_measure_skin_length_mm (view, g, p, &on_scalp);
      g_test_message ("%.0f mm along the forehead: %.2f mm in the image", want, hl_point_distance (g, p) * m);
      g_assert_true (on_scalp);
      g_assert_cmpfloat (fabs (d - want), <, 0.05);
      /* The forehead turns away from the camera: visibly shorter. */
      g_assert_cmpfloat (hl_point_distance (g, p) * m, <, want - 1.0);
    }

  /* A template's mid-frontal point lands there, and the hairline's height
   * reads the same. */
  hairline = hl_hairline_template_propose (view, HL_HAIRLINE_STYLE_NATURAL, 80.0, &error);
  g_assert_no_error (error);
  hl_view_set_hairline (view, hairline);
  g_assert_true (hl_measure_hairline_height_mm (view, &mm, &at));
  g_assert_true (hl_head_model_image_distance (&view->head, &view->pose, g, at, &on_model));
  g_test_message ("template at 80 mm: height %.2f mm along the forehead, %.2f in the image",
                  mm, hl_point_distance (g, at) * m);
  g_assert_cmpfloat (mm, ==, on_model);
  g_assert_cmpfloat (fabs (mm - 80.0), <, 0.5);

  /* Without its model, the same view measures in the image. */
  flat = hl_view_copy (view);
  flat->has_head = FALSE;
  g_assert_true (hl_measure_midline_point (flat, 80.0, &p));
  g_assert_cmpfloat (fabs (hl_point_distance (g, p) * m - 80.0), <, 1e-9);
  g_assert_cmpfloat (hl_measure_skin_length_mm (flat, g, p, &on_scalp), ==, hl_measure_length_mm (flat, g, p));
  g_assert_false (on_scalp);
  g_assert_true (hl_measure_hairline_height_mm (flat, &mm, &at));
  g_assert_cmpfloat (fabs (mm - hl_point_distance (g, at) * m), <, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/head-measures/determinism", test_determinism);
  g_test_add_func ("/head-measures/incremental", test_incremental);
  g_test_add_func ("/head-measures/top-squares", test_top_squares);
  g_test_add_func ("/head-measures/photo-plane", test_photo_plane);
  g_test_add_func ("/head-measures/frontal-band", test_frontal_band);
  g_test_add_func ("/head-measures/frontal-band-temples", test_frontal_band_temples);
  g_test_add_func ("/head-measures/forehead-height", test_forehead_height);
  return g_test_run ();
}
