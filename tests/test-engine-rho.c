/* test-engine-rho.c: every zone of the shipped samples is as even as the
 * plane at full density, whatever the other zones of its view ask.
 *
 * The engine thins one ranked plane per view, made for the view's largest
 * density (times the head model's largest area factor): a zone asking
 * less, and a zone on a head model (whose image density follows the area
 * factor), keep a prefix of the plane's ranks. DESIGN §4 asks ρ ≥ 0.70 at
 * full density; here it is measured on each zone's full-density interior:
 * the points inside the zone, past its edge blend, past the hairline's
 * transition and macro-irregularity (2 × amplitude + transition), clear of
 * higher zones' blends, of the scalp outline and of erased discs, each
 * margin one dot spacing wider. There the density is the zone's asked
 * density times the area factor, so ρ is measured against that local
 * density (for a uniform density it is hl_test_rho() over the interior's
 * area):
 *
 *   ρ = min over interior dots p of nn(p) / d_max(p · k),
 *   d_max(D) = sqrt (2 / (√3 D)),
 *
 * nn(p) the distance from p to the nearest other engine dot of the view
 * (any zone), D the local density in dots per px² and k the ratio of the
 * interior's dots to its ∫ D (about 1; so that a count a little off does
 * not pass for spacing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-design-io.h"
#include "hl-segment-index.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

typedef struct
{
  const HlView   *view;
  guint           o;              /* the zone measured */
  double          m;              /* mm per px */
  double          margin;         /* px: one dot spacing of the zone */
  HlSegmentIndex *hair;           /* NULL: none, or the zone ignores it */
  double          hair_min_px;    /* full density from here behind the line */
  HlSegmentIndex *scalp;          /* NULL: no scalp outline */
  const HlPoint  *scalp_poly;
  guint           scalp_n;
} Interior;

static HlSegmentIndex *
curve_index (const HlCurve *curve,
             gboolean       closed,
             const HlPoint **poly,
             guint          *n)
{
  const HlPoint *pts = hl_curve_get_polyline (curve, n);
  HlRect r = hl_rect_inflate (hl_rect_from_points (pts, *n), 1e5);

  if (poly != NULL)
    *poly = pts;
  return hl_segment_index_new (pts, *n, closed, 1e6, r);
}

/* Distance from @p to the outline of @zone (> 0 inside, < 0 outside). */
static double
zone_distance (const HlZone *zone,
               HlPoint       p)
{
  guint n;
  const HlPoint *poly = hl_curve_get_polyline (zone->boundary, &n);
  double best = INFINITY;

  for (guint i = 0; i < n; i++)
    {
      double t;
      double d2 = hl_segment_distance2 (p, poly[i], poly[(i + 1) % n], &t);

      best = MIN (best, d2);
    }
  best = sqrt (best);
  return hl_polygon_contains (poly, n, p) ? best : -best;
}

static gboolean
interior_contains (const Interior *in,
                   HlPoint         p)
{
  const HlZone *zone = hl_view_get_zone (in->view, in->o);
  double w = zone->params.edge_blend_mm / in->m;

  if (zone_distance (zone, p) < w + in->margin)
    return FALSE;
  /* A zone above this one owns its inside and blends over half its edge
   * blend outside. */
  for (guint j = 0; j < in->o; j++)
    {
      const HlZone *zj = hl_view_get_zone (in->view, j);

      if (zone_distance (zj, p) > -(0.5 * zj->params.edge_blend_mm / in->m + in->margin))
        return FALSE;
    }
  if (in->hair != NULL &&
      hl_segment_index_signed_distance_exact (in->hair, p) < in->hair_min_px + in->margin)
    return FALSE;
  if (in->scalp != NULL &&
      (!hl_polygon_contains (in->scalp_poly, in->scalp_n, p) ||
       fabs (hl_segment_index_signed_distance_exact (in->scalp, p)) < in->margin))
    return FALSE;
  for (guint e = 0; e < in->view->edits->len; e++)
    {
      const HlDotEdit *ed = &g_array_index (in->view->edits, HlDotEdit, e);

      if (ed->kind == HL_EDIT_REMOVE &&
          hl_point_distance (p, ed->p) < ed->radius_px + 2.0 * in->margin)
        return FALSE;
    }
  return TRUE;
}

/* Dots per px² that zone @o asks at @p. */
static double
local_density (const Interior *in,
               HlPoint         p)
{
  const HlZone *zone = hl_view_get_zone (in->view, in->o);

  return zone->params.density / 100.0 * in->m * in->m * hl_view_get_area_factor (in->view, p);
}

/* The engine's dots on a grid, for nearest-neighbour queries. */
typedef struct
{
  double  x0, y0, cell;
  int     nx, ny;
  GArray *cells;   /* of GArray* of HlPoint */
} DotGrid;

static void
dot_grid_init (DotGrid     *g,
               const HlDot *dots,
               gsize        n,
               double       cell)
{
  HlRect r = { INFINITY, INFINITY, -INFINITY, -INFINITY };

  for (gsize i = 0; i < n; i++)
    if (dots[i].zone != HL_DOT_MANUAL)
      r = hl_rect_union (r, (HlRect) { dots[i].x, dots[i].y, dots[i].x, dots[i].y });
  g->cell = cell;
  g->x0 = r.x0;
  g->y0 = r.y0;
  g->nx = (int) ((r.x1 - r.x0) / cell) + 1;
  g->ny = (int) ((r.y1 - r.y0) / cell) + 1;
  g->cells = g_array_new (FALSE, TRUE, sizeof (GArray *));
  g_array_set_size (g->cells, (guint) (g->nx * g->ny));
  for (gsize i = 0; i < n; i++)
    if (dots[i].zone != HL_DOT_MANUAL)
      {
        int cx = (int) ((dots[i].x - g->x0) / cell), cy = (int) ((dots[i].y - g->y0) / cell);
        GArray **a = &g_array_index (g->cells, GArray *, cy * g->nx + cx);
        HlPoint p = { dots[i].x, dots[i].y };

        if (*a == NULL)
          *a = g_array_new (FALSE, FALSE, sizeof (HlPoint));
        g_array_append_val (*a, p);
      }
}

static void
dot_grid_clear (DotGrid *g)
{
  for (guint i = 0; i < g->cells->len; i++)
    if (g_array_index (g->cells, GArray *, i) != NULL)
      g_array_unref (g_array_index (g->cells, GArray *, i));
  g_array_unref (g->cells);
}

/* Distance from dot @p to the nearest other dot (within 2 cells). */
static double
dot_grid_nearest (const DotGrid *g,
                  HlPoint        p)
{
  int cx = (int) ((p.x - g->x0) / g->cell), cy = (int) ((p.y - g->y0) / g->cell);
  double best = INFINITY;

  for (int y = MAX (0, cy - 2); y <= MIN (g->ny - 1, cy + 2); y++)
    for (int x = MAX (0, cx - 2); x <= MIN (g->nx - 1, cx + 2); x++)
      {
        GArray *a = g_array_index (g->cells, GArray *, y * g->nx + x);

        for (guint k = 0; a != NULL && k < a->len; k++)
          {
            double d = hl_point_distance (p, g_array_index (a, HlPoint, k));

            if (d > 0.0)
              best = MIN (best, d);
          }
      }
  return best;
}

/* ρ of zone @o of @view on its full-density interior; its dot count in
 * *@n_inside. */
static double
zone_rho (const HlView *view,
          guint         o,
          const HlDot  *dots,
          gsize         n,
          guint        *n_inside)
{
  const HlZone *zone = hl_view_get_zone (view, o);
  const HlZoneParams *zp = &zone->params;
  Interior in = { view, o, hl_view_get_mm_per_px (view, NULL), 0, NULL, 0, NULL, NULL, 0 };
  HlCurve *scalp = hl_view_get_scalp_outline (view);
  guint n_poly;
  const HlPoint *poly = hl_curve_get_polyline (zone->boundary, &n_poly);
  HlRect box = hl_rect_from_points (poly, n_poly);
  double spacing_px = sqrt (2.0 / (sqrt (3.0) * (zp->density / 100.0))) / in.m;
  double step, expected = 0.0, worst = INFINITY;
  DotGrid grid;
  guint count = 0;

  in.margin = spacing_px;
  if (view->hairline != NULL && zp->follows_hairline)
    {
      guint nh;

      in.hair = curve_index (view->hairline, FALSE, NULL, &nh);
      in.hair_min_px = (2.0 * zp->macro_amplitude_mm + zp->transition_mm) / in.m;
    }
  if (scalp != NULL)
    in.scalp = curve_index (scalp, TRUE, &in.scalp_poly, &in.scalp_n);

  /* ∫ D over the interior, on a grid of a third of the spacing. */
  step = spacing_px / 3.0;
  for (double y = box.y0 + step / 2; y < box.y1; y += step)
    for (double x = box.x0 + step / 2; x < box.x1; x += step)
      {
        HlPoint p = { x, y };

        if (interior_contains (&in, p))
          expected += local_density (&in, p) * step * step;
      }

  for (gsize i = 0; i < n; i++)
    if (dots[i].zone != HL_DOT_MANUAL && interior_contains (&in, (HlPoint) { dots[i].x, dots[i].y }))
      count++;

  dot_grid_init (&grid, dots, n, spacing_px);
  for (gsize i = 0; i < n; i++)
    {
      HlPoint p = { dots[i].x, dots[i].y };
      double d_max;

      if (dots[i].zone == HL_DOT_MANUAL || !interior_contains (&in, p))
        continue;
      d_max = sqrt (2.0 / (sqrt (3.0) * local_density (&in, p) * (count / expected)));
      worst = MIN (worst, dot_grid_nearest (&grid, p) / d_max);
    }
  dot_grid_clear (&grid);

  g_clear_pointer (&in.hair, hl_segment_index_free);
  g_clear_pointer (&in.scalp, hl_segment_index_free);
  g_test_message ("  %s (%g/cm²): %u dots on its full-density interior (%.0f expected), rho %.3f",
                  zone->name, zp->density, count, expected, worst);
  *n_inside = count;
  return worst;
}

static void
test_sample_zones (gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), data, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  guint measured = 0;
  double worst = INFINITY;

  g_assert_no_error (error);
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      const HlView *view = hl_design_get_view (design, v);
      g_autoptr(GArray) dots = NULL;

      if (hl_view_get_n_zones (view) == 0)
        continue;
      dots = hl_stipple_view (view, design->seed);
      g_test_message ("view %s: %u dots", view->name, dots->len);
      for (guint z = 0; z < hl_view_get_n_zones (view); z++)
        {
          guint inside;
          double rho = zone_rho (view, z, &g_array_index (dots, HlDot, 0), dots->len, &inside);

          /* Enough dots for the minimum to mean something. */
          if (inside < 200)
            continue;
          worst = MIN (worst, rho);
          measured++;
        }
    }
  g_assert_cmpfloat (worst, >=, 0.70);
  /* Every sample has at least two zones measured. */
  g_assert_cmpuint (measured, >=, 2);
}

/* The measure itself: a zone at the plane's density and one at 60 % of it
 * side by side (the second keeps a prefix of the plane's ranks), and a
 * rectangle's ρ against hl_test_rho() on the same dots. */
static HlView *
two_zones (double da,
           double db)
{
  HlView *view = hl_view_new ("front");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 0.1, 0.02 };
  double dens[2] = { da, db };

  hl_view_set_calibration (view, &cal);
  for (guint k = 0; k < 2; k++)
    {
      HlRect r = { 1000.0 * k, 0, 1000.0 * (k + 1), 1000 };
      HlPoint pts[] = { { r.x0, r.y0 }, { r.x1, r.y0 }, { r.x1, r.y1 }, { r.x0, r.y1 } };
      gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };
      g_autoptr(HlCurve) outline = hl_curve_new_full (pts, corners, 4, TRUE);
      g_autoptr(HlZone) zone = NULL;
      HlZoneParams zp;

      hl_zone_params_init (&zp);
      zp.density = dens[k];
      zp.edge_blend_mm = 4.0;
      zp.seed = 7 + k;
      zone = hl_zone_new (k == 0 ? "left" : "right", HL_ZONE_CUSTOM, outline, &zp);
      hl_view_append_zone (view, zone);
    }
  return view;
}

static void
test_mixed_densities (void)
{
  g_autoptr(HlView) view = two_zones (100, 60);
  g_autoptr(GArray) dots = hl_stipple_view (view, 11);
  guint inside;
  double rho_a = zone_rho (view, 0, &g_array_index (dots, HlDot, 0), dots->len, &inside);
  double rho_b;
  /* Zone b's interior: past its 4 mm edge blend and a spacing (13.9 px at
   * 60/cm²), clear of zone a's half blend and a spacing. */
  HlRect rect_b = { 1000 + 20 + 14, 40 + 14, 2000 - 40 - 14, 1000 - 40 - 14 };
  g_autoptr(GArray) pts = hl_test_dots_in_rect (&g_array_index (dots, HlDot, 0), dots->len, rect_b, -1);
  double plain = hl_test_rho ((HlPoint *) (gpointer) pts->data, pts->len,
                              (rect_b.x1 - rect_b.x0) * (rect_b.y1 - rect_b.y0));

  g_assert_cmpuint (inside, >, 5000);
  rho_b = zone_rho (view, 1, &g_array_index (dots, HlDot, 0), dots->len, &inside);
  g_assert_cmpuint (inside, >, 3000);
  g_test_message ("60/cm² beside 100/cm²: rho %.3f (interior), %.3f over a rectangle in it", rho_b, plain);
  /* The interior's measure is no kinder than the plain one on its own
   * rectangle (its nearest neighbours may be outside the rectangle). */
  g_assert_cmpfloat (rho_b, <=, plain + 0.02);
  g_assert_cmpfloat (rho_a, >=, 0.70);
  g_assert_cmpfloat (rho_b, >=, 0.70);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/engine-rho/front-sample", "front-consultation.json", test_sample_zones);
  g_test_add_data_func ("/engine-rho/chart-sample", "head-chart-consultation.json", test_sample_zones);
  g_test_add_func ("/engine-rho/mixed-densities", test_mixed_densities);

  return g_test_run ();
}
