/* test-stippler.c: the stippling engine's promises, measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "hl-design.h"
#include "hl-rng.h"
#include "hl-segment-index.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

#define MM_PER_PX 0.1

/* A zone outline along a rectangle, with enough control points that the
 * smooth curve hugs its sides. */
static HlCurve *
rect_curve (HlRect r)
{
  HlPoint corners[] = { { r.x0, r.y0 }, { r.x1, r.y0 }, { r.x1, r.y1 }, { r.x0, r.y1 } };
  GArray *pts = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  HlCurve *curve;

  for (guint s = 0; s < 4; s++)
    for (guint k = 0; k < 20; k++)
      {
        HlPoint a = corners[s], b = corners[(s + 1) % 4];
        HlPoint p = { a.x + (b.x - a.x) * k / 20.0, a.y + (b.y - a.y) * k / 20.0 };

        g_array_append_val (pts, p);
      }

  curve = hl_curve_new ((HlPoint *) (gpointer) pts->data, pts->len, TRUE);
  g_array_unref (pts);
  return curve;
}

static HlView *
make_view (HlRect   zone_rect,
           double   density,
           gboolean hairline)
{
  HlView *view = hl_view_new ("front");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, MM_PER_PX, 0.02 };
  g_autoptr(HlCurve) outline = rect_curve (zone_rect);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;

  hl_view_set_calibration (view, &cal);
  hl_zone_params_init (&zp);
  zp.density = density;
  zp.follows_hairline = hairline;
  zone = hl_zone_new ("Zone", HL_ZONE_FRONTAL, outline, &zp);
  hl_view_append_zone (view, zone);

  if (hairline)
    {
      HlPoint h[9];
      g_autoptr(HlCurve) curve = NULL;

      /* Across the lower part of the zone, left to right: hair above. */
      for (guint i = 0; i < 9; i++)
        h[i] = (HlPoint) { zone_rect.x0 - 100 + i * (zone_rect.x1 - zone_rect.x0 + 200) / 8.0,
                           zone_rect.y1 - 250 + ((int) (i % 3) - 1) * 40.0 };
      curve = hl_curve_new (h, 9, FALSE);
      hl_view_set_hairline (view, curve);
    }

  return view;
}

static double
spacing_px (double density)
{
  /* Hexagonal spacing of @density dots/cm², in pixels. */
  return sqrt (2.0 / (sqrt (3.0) * (density / 100.0))) / MM_PER_PX;
}

static void
test_uniform_zone (void)
{
  HlRect rect = { 0, 0, 1000, 1000 };   /* 10 × 10 cm */
  g_autoptr(HlView) view = make_view (rect, 60, FALSE);
  g_autoptr(HlStippler) st = hl_stippler_new ();
  HlRect inner = { 100, 100, 900, 900 };  /* clear of the 4 mm edge blend */
  double inner_cm2 = 8.0 * 8.0;
  HlZoneStats stats;
  const HlDot *dots;
  gsize n;
  g_autoptr(GArray) pts = NULL;
  double rho, hole;

  hl_stippler_update (st, view, 1);
  dots = hl_stippler_get_dots (st, &n);
  g_assert_true (hl_stippler_get_zone_stats (st, 0, &stats));

  /* Counts: the whole zone against ∫ density, the interior against
   * density × area. */
  g_test_message ("dots %" G_GSIZE_FORMAT ", expected %.1f, area %.2f cm²", n, stats.expected_dots, stats.area_cm2);
  g_assert_cmpuint (stats.dots, ==, n);
  g_assert_cmpfloat (fabs (n - stats.expected_dots) / stats.expected_dots, <=, 0.03);
  g_assert_cmpfloat (stats.area_cm2, >, 99.0);
  g_assert_cmpfloat (stats.area_cm2, <, 101.0);

  pts = hl_test_dots_in_rect (dots, n, inner, -1);
  g_assert_cmpfloat (fabs (pts->len - 60.0 * inner_cm2) / (60.0 * inner_cm2), <=, 0.03);

  rho = hl_test_rho ((HlPoint *) (gpointer) pts->data, pts->len, (inner.x1 - inner.x0) * (inner.y1 - inner.y0));
  hole = hl_test_largest_empty ((HlPoint *) (gpointer) pts->data, pts->len,
                                hl_rect_inflate (inner, -spacing_px (60)), spacing_px (60) / 8);
  g_test_message ("rho %.3f, largest empty radius %.2f × spacing", rho, hole / spacing_px (60));
  g_assert_cmpfloat (rho, >=, 0.70);
  g_assert_cmpfloat (hole, <=, 1.2 * spacing_px (60));

  /* Blue, not white: little low-frequency power, and the same in every
   * direction (a grid or a repeating tile would show peaks). */
  {
    double low, aniso;

    hl_test_spectrum ((HlPoint *) (gpointer) pts->data, pts->len, inner, &low, &aniso);
    g_test_message ("spectrum: low-frequency power %.3f, anisotropy %.3f", low, aniso);
    g_assert_cmpfloat (low, <, 0.15);
    g_assert_cmpfloat (aniso, <, 0.25);
  }

  /* Every union of sessions 1..k is evenly spaced. */
  for (int k = 1; k <= 3; k++)
    {
      g_autoptr(GArray) prefix = hl_test_dots_in_rect (dots, n, inner, k);
      double r = hl_test_rho ((HlPoint *) (gpointer) prefix->data, prefix->len,
                              (inner.x1 - inner.x0) * (inner.y1 - inner.y0));

      g_test_message ("sessions 1..%d: %u dots, rho %.3f", k, prefix->len, r);
      g_assert_cmpfloat (r, >=, 0.60);
    }
  g_assert_cmpuint (stats.session_dots[0] + stats.session_dots[1] + stats.session_dots[2], ==, n);
  /* Shares 30/35/35 % within 3 points. */
  g_assert_cmpfloat (fabs (stats.session_dots[0] / (double) n - 0.30), <, 0.03);
  g_assert_cmpfloat (fabs (stats.session_dots[1] / (double) n - 0.35), <, 0.03);
}

static void
test_density_limits (void)
{
  const double densities[] = { 1, 20, 100, 400 };

  for (guint i = 0; i < G_N_ELEMENTS (densities); i++)
    {
      /* 1 dot/cm² needs a bigger zone to count on. */
      double side = densities[i] < 10 ? 3000 : 600;
      g_autoptr(HlView) view = make_view ((HlRect) { 0, 0, side, side }, densities[i], FALSE);
      g_autoptr(HlStippler) st = hl_stippler_new ();
      HlZoneStats stats;

      hl_stippler_update (st, view, 3);
      hl_stippler_get_zone_stats (st, 0, &stats);
      g_test_message ("density %g: %u dots, expected %.1f", densities[i], stats.dots, stats.expected_dots);
      g_assert_cmpfloat (fabs (stats.dots - stats.expected_dots) / stats.expected_dots, <=, 0.03);
    }
}

static void
test_hairline_zone (void)
{
  HlRect rect = { 0, 0, 1200, 1000 };
  g_autoptr(HlView) view = make_view (rect, 60, TRUE);
  g_autoptr(HlStippler) st = hl_stippler_new ();
  g_autoptr(HlSegmentIndex) hair = NULL;
  const HlDot *dots;
  gsize n;
  guint poly_n;
  const HlPoint *poly = hl_curve_get_polyline (view->hairline, &poly_n);
  guint n_outline;
  const HlPoint *outline = hl_curve_get_polyline (hl_view_get_zone (view, 0)->boundary, &n_outline);
  HlZoneStats stats;
  guint near_line = 0, full_band = 0;
  /* Full density from transition + 2 × amplitude behind the lowest line
   * point (line y ≤ 790; 8 + 3 mm = 110 px), and clear of the edges. */
  HlRect full = { 100, 100, 1100, 600 };
  g_autoptr(GArray) pts = NULL;
  double rho;

  hl_stippler_update (st, view, 1);
  dots = hl_stippler_get_dots (st, &n);
  hl_stippler_get_zone_stats (st, 0, &stats);
  hair = hl_segment_index_new (poly, poly_n, FALSE, 1000, rect);

  for (gsize i = 0; i < n; i++)
    {
      HlPoint p = { dots[i].x, dots[i].y };
      double d = hl_segment_index_signed_distance_exact (hair, p) * MM_PER_PX;

      /* Inside the zone, on the hair side only. */
      g_assert_true (hl_polygon_contains (outline, n_outline, p));
      g_assert_cmpfloat (d, >=, 0.0);
      if (d < 4.0)
        near_line++;
      if (d >= 11.0 && d < 15.0)
        full_band++;
    }

  /* A ramp, not a wall: the first 4 mm behind the line hold far fewer dots
   * than 4 mm at full density. */
  g_test_message ("dots within 4 mm of the line: %u; in a 4 mm band at full density: %u", near_line, full_band);
  g_assert_cmpuint (near_line, >, 0);
  g_assert_cmpuint (near_line * 3, <, full_band);
  g_assert_cmpfloat (fabs (n - stats.expected_dots) / stats.expected_dots, <=, 0.03);

  pts = hl_test_dots_in_rect (dots, n, full, -1);
  rho = hl_test_rho ((HlPoint *) (gpointer) pts->data, pts->len, (full.x1 - full.x0) * (full.y1 - full.y0));
  g_test_message ("full-density part: %u dots, rho %.3f", pts->len, rho);
  g_assert_cmpfloat (rho, >=, 0.70);
  g_assert_cmpfloat (hl_test_largest_empty ((HlPoint *) (gpointer) pts->data, pts->len,
                                            hl_rect_inflate (full, -spacing_px (60)), spacing_px (60) / 8),
                     <=, 1.2 * spacing_px (60));
  for (int k = 1; k <= 3; k++)
    {
      g_autoptr(GArray) prefix = hl_test_dots_in_rect (dots, n, full, k);

      g_assert_cmpfloat (hl_test_rho ((HlPoint *) (gpointer) prefix->data, prefix->len,
                                      (full.x1 - full.x0) * (full.y1 - full.y0)), >=, 0.60);
    }

  /* Front-edge dots are smaller and lighter than full-density ones. */
  {
    double d_front = 0, d_back = 0;
    guint n_front = 0, n_back = 0;

    for (gsize i = 0; i < n; i++)
      {
        HlPoint p = { dots[i].x, dots[i].y };
        double d = hl_segment_index_signed_distance_exact (hair, p) * MM_PER_PX;

        if (d < 3.0)
          d_front += dots[i].diameter_mm, n_front++;
        else if (hl_rect_contains (full, p))
          d_back += dots[i].diameter_mm, n_back++;
      }
    g_assert_cmpuint (n_front, >, 0);
    g_assert_cmpfloat (d_front / n_front, <, d_back / n_back);
  }

  /* Write what a person can look at: black dots on white, line in red. */
  {
    const char *dir = g_getenv ("HL_BUILD_DIR");
    g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", "stipple-hairline.png", NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 1000);
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    cairo_set_source_rgb (cr, 0, 0, 0);
    for (gsize i = 0; i < n; i++)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, dots[i].x, dots[i].y, dots[i].diameter_mm / MM_PER_PX, 0, 2 * G_PI);
      }
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 0.9, 0.1, 0.1);
    for (guint i = 0; i < poly_n; i++)
      cairo_line_to (cr, poly[i].x, poly[i].y);
    cairo_stroke (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    g_test_message ("preview written to %s", path);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* Same design, same engine version: same dots, bit for bit. The pinned
 * digest catches any change in the engine's numbers; when a change is
 * intended, HL_ENGINE_VERSION must change with it. */
#define PINNED_DIGEST "8e9a8d2fd4516b0f669d48cae0bea9fb0a7a9dfb21918f119ef0362abc044440"

static void
test_determinism (void)
{
  g_autoptr(HlView) view = make_view ((HlRect) { 0, 0, 800, 700 }, 60, TRUE);
  g_autoptr(GArray) a = hl_stipple_view (view, 42);
  g_autoptr(GArray) b = hl_stipple_view (view, 42);
  g_autoptr(GArray) c = hl_stipple_view (view, 43);
  g_autofree char *da = hl_test_dots_digest ((HlDot *) (gpointer) a->data, a->len);
  g_autofree char *db = hl_test_dots_digest ((HlDot *) (gpointer) b->data, b->len);
  g_autofree char *dc = hl_test_dots_digest ((HlDot *) (gpointer) c->data, c->len);

  g_test_message ("engine %d digest %s (%u dots)", HL_ENGINE_VERSION, da, a->len);
  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (da, !=, dc);
  g_assert_cmpstr (da, ==, PINNED_DIGEST);
}

static void
assert_same_as_fresh (HlStippler   *st,
                      const HlView *view,
                      guint32       seed)
{
  g_autoptr(GArray) fresh = hl_stipple_view (view, seed);
  gsize n;
  const HlDot *dots = hl_stippler_get_dots (st, &n);

  g_assert_cmpuint (n, ==, fresh->len);
  g_assert_cmpmem (dots, n * sizeof (HlDot), fresh->data, fresh->len * sizeof (HlDot));
}

/* Every incremental path gives exactly what a fresh engine gives. */
static void
test_incremental_updates (void)
{
  g_autoptr(HlView) base = make_view ((HlRect) { 0, 0, 2400, 1200 }, 60, TRUE);
  g_autoptr(HlStippler) st = hl_stippler_new ();
  HlView *cur = hl_view_ref (base);

  hl_stippler_update (st, cur, 5);
  assert_same_as_fresh (st, cur, 5);

  /* Drag a middle handle, then an end handle, over several steps. */
  for (guint step = 0; step < 12; step++)
    {
      HlView *next = hl_view_copy (cur);
      guint index = step < 8 ? 4 : 0;
      HlPoint p = hl_curve_get_points (cur->hairline)[index];
      g_autoptr(HlCurve) moved = hl_curve_with_point (cur->hairline, index,
                                                      (HlPoint) { p.x + 7, p.y - 11 });

      hl_view_set_hairline (next, moved);
      hl_view_unref (cur);
      cur = next;
      hl_stippler_update (st, cur, 5);
      assert_same_as_fresh (st, cur, 5);
    }

  /* Change density, then session shares. */
  {
    HlView *next = hl_view_copy (cur);
    g_autoptr(HlZone) zone = hl_zone_copy (hl_view_get_zone (cur, 0));
    HlZoneParams zp = zone->params;

    zp.density = 45;
    hl_zone_set_params (zone, &zp);
    hl_view_replace_zone (next, 0, zone);
    hl_view_unref (cur);
    cur = next;
    hl_stippler_update (st, cur, 5);
    assert_same_as_fresh (st, cur, 5);
  }
  {
    HlView *next = hl_view_copy (cur);
    g_autoptr(HlZone) zone = hl_zone_copy (hl_view_get_zone (cur, 0));
    HlZoneParams zp = zone->params;

    zp.n_sessions = 2;
    zp.sessions[0].share = 0.5;
    zp.sessions[1].share = 0.5;
    hl_zone_set_params (zone, &zp);
    hl_view_replace_zone (next, 0, zone);
    hl_view_unref (cur);
    cur = next;
    hl_stippler_update (st, cur, 5);
    assert_same_as_fresh (st, cur, 5);
  }

  /* Erase a disc, then add a dot by hand. */
  {
    HlView *next = hl_view_copy (cur);
    HlDotEdit erase = { .kind = HL_EDIT_REMOVE, .p = { 600, 500 }, .radius_px = 60 };
    HlDotEdit add = { .kind = HL_EDIT_ADD, .p = { 610, 505 }, .diameter_mm = 0.3,
                      .shade = { 10, 10, 10 }, .session = 1 };
    gsize before, after;
    const HlDot *dots;
    guint inside = 0;

    hl_stippler_get_dots (st, &before);
    hl_view_append_edit (next, &erase);
    hl_view_unref (cur);
    cur = next;
    hl_stippler_update (st, cur, 5);
    assert_same_as_fresh (st, cur, 5);
    dots = hl_stippler_get_dots (st, &after);
    g_assert_cmpuint (after, <, before);
    for (gsize i = 0; i < after; i++)
      if (hl_point_distance ((HlPoint) { dots[i].x, dots[i].y }, erase.p) <= erase.radius_px)
        inside++;
    g_assert_cmpuint (inside, ==, 0);

    next = hl_view_copy (cur);
    hl_view_append_edit (next, &add);
    hl_view_unref (cur);
    cur = next;
    hl_stippler_update (st, cur, 5);
    assert_same_as_fresh (st, cur, 5);
    dots = hl_stippler_get_dots (st, &after);
    g_assert_cmpuint (dots[after - 1].zone, ==, HL_DOT_MANUAL);
  }

  /* Remove the hairline entirely. */
  {
    HlView *next = hl_view_copy (cur);

    hl_view_set_hairline (next, NULL);
    hl_view_unref (cur);
    cur = next;
    hl_stippler_update (st, cur, 5);
    assert_same_as_fresh (st, cur, 5);
  }

  hl_view_unref (cur);
}

static void
test_degenerate_inputs (void)
{
  HlPoint flat[] = { { 10, 10 }, { 20, 10 }, { 30, 10 } };
  HlPoint eight[] = { { 0, 0 }, { 400, 400 }, { 400, 0 }, { 0, 400 } };
  HlPoint far_away[] = { { 50000, 50000 }, { 50400, 50000 }, { 50400, 50400 }, { 50000, 50400 } };
  HlPoint huge[] = { { -1e6, -1e6 }, { 1e6, -1e6 }, { 1e6, 1e6 }, { -1e6, 1e6 } };
  struct { const HlPoint *pts; guint n; } shapes[] = {
    { flat, 3 }, { eight, 4 }, { far_away, 4 }, { huge, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(HlView) view = hl_view_new ("front");
      g_autoptr(HlCurve) outline = hl_curve_new (shapes[i].pts, shapes[i].n, TRUE);
      g_autoptr(HlZone) zone = NULL;
      g_autoptr(HlStippler) st = hl_stippler_new ();
      HlZoneParams zp;
      HlZoneStats stats;
      gsize n;

      hl_zone_params_init (&zp);
      zone = hl_zone_new ("z", HL_ZONE_CUSTOM, outline, &zp);
      hl_view_append_zone (view, zone);
      /* A 1000 × 800 photo: dots never fall outside it. */
      hl_view_set_photo (view, "p.jpg", NULL, 1000, 800);
      hl_stippler_update (st, view, 1);
      hl_stippler_get_dots (st, &n);
      g_assert_true (hl_stippler_get_zone_stats (st, 0, &stats));
      g_test_message ("shape %u: %" G_GSIZE_FORMAT " dots, too_large %d", i, n, stats.too_large);
      if (i == 0 || i == 2)
        g_assert_cmpuint (n, ==, 0);
      if (i == 1)
        g_assert_cmpuint (n, >, 0);
      g_assert_false (stats.calibrated);
      g_assert_cmpfloat (stats.mm_per_px, ==, HL_DEFAULT_MM_PER_PX);
    }

  /* Without a photo to clip to, a gigantic zone is refused, not filled. */
  {
    g_autoptr(HlView) view = hl_view_new ("front");
    g_autoptr(HlCurve) outline = hl_curve_new (huge, 4, TRUE);
    g_autoptr(HlZone) zone = NULL;
    g_autoptr(HlStippler) st = hl_stippler_new ();
    HlZoneParams zp;
    HlZoneStats stats;
    gsize n;

    hl_zone_params_init (&zp);
    zone = hl_zone_new ("z", HL_ZONE_CUSTOM, outline, &zp);
    hl_view_append_zone (view, zone);
    hl_stippler_update (st, view, 1);
    hl_stippler_get_dots (st, &n);
    hl_stippler_get_zone_stats (st, 0, &stats);
    g_assert_true (stats.too_large);
    g_assert_cmpuint (n, ==, 0);
  }
}

/* --- repetition --------------------------------------------------------- */

typedef struct
{
  const HlPoint *pts;
  guint          n;
  HlRect         bounds;
  int            gw, gh;
  int           *heads;     /* 1 px cells */
  int           *next;
} PointGrid;

static void
point_grid_init (PointGrid     *g,
                 const HlPoint *pts,
                 guint          n)
{
  g->pts = pts;
  g->n = n;
  g->bounds = hl_rect_from_points (pts, n);
  g->gw = (int) (g->bounds.x1 - g->bounds.x0) + 3;
  g->gh = (int) (g->bounds.y1 - g->bounds.y0) + 3;
  g->heads = g_new (int, (gsize) g->gw * g->gh);
  g->next = g_new (int, n);
  memset (g->heads, 0xff, sizeof (int) * (gsize) g->gw * g->gh);
  for (guint i = 0; i < n; i++)
    {
      int cx = (int) floor (pts[i].x - g->bounds.x0) + 1, cy = (int) floor (pts[i].y - g->bounds.y0) + 1;

      g->next[i] = g->heads[cy * g->gw + cx];
      g->heads[cy * g->gw + cx] = (int) i;
    }
}

/* The points that a translation by @d maps within 0.01 px of a point. */
static guint
count_mapped (const PointGrid *g,
              HlPoint          d)
{
  guint mapped = 0;

  for (guint i = 0; i < g->n; i++)
    {
      HlPoint q = { g->pts[i].x + d.x, g->pts[i].y + d.y };
      int cx = (int) floor (q.x - g->bounds.x0) + 1, cy = (int) floor (q.y - g->bounds.y0) + 1;
      gboolean hit = FALSE;

      for (int y = cy - 1; y <= cy + 1 && !hit; y++)
        for (int x = cx - 1; x <= cx + 1 && !hit; x++)
          {
            if (x < 0 || y < 0 || x >= g->gw || y >= g->gh)
              continue;
            for (int j = g->heads[y * g->gw + x]; j >= 0 && !hit; j = g->next[j])
              hit = hl_point_distance (q, g->pts[j]) <= 0.01;
          }
      mapped += hit;
    }
  return mapped;
}

static inline guint64
difference_key (const HlPoint *a,
                const HlPoint *b)
{
  gint64 qx = (gint64) floor ((b->x - a->x) / 0.05 + 0.5);
  gint64 qy = (gint64) floor ((b->y - a->y) / 0.05 + 0.5);

  return ((guint64) (qx + G_GINT64_CONSTANT (0x80000000)) << 32) |
         (guint64) (qy + G_GINT64_CONSTANT (0x80000000));
}

/* The largest share of @pts that one translation maps onto points (within
 * 0.01 px). Translations are found from a histogram of the differences
 * between @n_sample points and all the others (bins of 0.05 px): a
 * translation that maps a share s of the points fills one bin about
 * s × n_sample times; every bin that reaches 3 (0.75 % of 400) is then
 * counted exactly. */
static double
worst_translation (const HlPoint *pts,
                   guint          n,
                   guint          n_sample,
                   HlPoint       *worst_d)
{
  PointGrid grid;
  guint step = MAX (1, n / n_sample);
  gsize n_keys = 0;
  g_autofree guint64 *keys = g_new (guint64, (gsize) n_sample * n);
  g_autofree guint64 *tmp = NULL;
  double worst = 0.0;
  guint checked = 0;

  for (guint s = 0; s < n_sample && s * step < n; s++)
    for (guint j = 0; j < n; j++)
      if (j != s * step)
        keys[n_keys++] = difference_key (&pts[s * step], &pts[j]);

  /* LSD radix sort. */
  tmp = g_new (guint64, n_keys);
  for (guint shift = 0; shift < 64; shift += 8)
    {
      gsize count[257] = { 0 };

      for (gsize i = 0; i < n_keys; i++)
        count[((keys[i] >> shift) & 0xff) + 1]++;
      for (guint b = 0; b < 256; b++)
        count[b + 1] += count[b];
      for (gsize i = 0; i < n_keys; i++)
        tmp[count[(keys[i] >> shift) & 0xff]++] = keys[i];
      memcpy (keys, tmp, n_keys * sizeof (guint64));
    }
  g_clear_pointer (&tmp, g_free);

  point_grid_init (&grid, pts, n);
  for (gsize i = 0; i < n_keys;)
    {
      gsize j = i;

      while (j < n_keys && keys[j] == keys[i])
        j++;
      if (j - i >= 3)
        {
          HlPoint d = { ((double) (gint64) (keys[i] >> 32) - 0x80000000) * 0.05,
                        ((double) (gint64) (keys[i] & 0xffffffff) - 0x80000000) * 0.05 };
          double share = 0.0;

          /* The bin's centre can be 0.025 px off: try its neighbourhood. */
          for (int oy = -2; oy <= 2; oy++)
            for (int ox = -2; ox <= 2; ox++)
              share = MAX (share, count_mapped (&grid, (HlPoint) { d.x + ox * 0.01, d.y + oy * 0.01 }) / (double) n);
          checked++;
          if (share > worst)
            {
              worst = share;
              *worst_d = d;
            }
        }
      i = j;
    }
  g_test_message ("  %u busy translations checked", checked);
  g_free (grid.heads);
  g_free (grid.next);
  return worst;
}

/* No translation of the plane maps more than 1 % of a zone's dots onto
 * dots, and every session prefix stays evenly spaced, for a 20 × 20 cm
 * zone. The measure itself is checked on a pattern that does
 * repeat: the same dots with a shifted copy of a third of them. */
static void
test_no_repetition (void)
{
  const double densities[] = { 60 };

  for (guint k = 0; k < G_N_ELEMENTS (densities); k++)
    {
      HlRect rect = { 0, 0, 2000, 2000 };   /* 20 × 20 cm */
      HlRect inner = { 100, 100, 1900, 1900 };
      g_autoptr(HlView) view = make_view (rect, densities[k], FALSE);
      g_autoptr(GArray) dots = hl_stipple_view (view, 11 + k);
      g_autoptr(GArray) pts = hl_test_dots_in_rect ((HlDot *) (gpointer) dots->data, dots->len, rect, -1);
      HlPoint d = { 0, 0 };
      double worst = worst_translation ((HlPoint *) (gpointer) pts->data, pts->len, 400, &d);

      g_test_message ("%g dots/cm²: %u dots, the worst translation (%.2f, %.2f) maps %.3f %% onto dots",
                      densities[k], pts->len, d.x, d.y, 100.0 * worst);
      g_assert_cmpfloat (worst, <=, 0.01);

      for (int s = 1; s <= 3; s++)
        {
          g_autoptr(GArray) prefix = hl_test_dots_in_rect ((HlDot *) (gpointer) dots->data, dots->len, inner, s);
          double rho = hl_test_rho ((HlPoint *) (gpointer) prefix->data, prefix->len,
                                    (inner.x1 - inner.x0) * (inner.y1 - inner.y0));

          g_test_message ("  sessions 1..%d: %u dots, rho %.3f", s, prefix->len, rho);
          g_assert_cmpfloat (rho, >=, s == 3 ? 0.70 : 0.60);
        }

      if (k == 0)
        {
          /* The measure finds a repetition where there is one. */
          guint n = pts->len;

          for (guint i = 0; i < n / 3; i++)
            {
              HlPoint p = g_array_index (pts, HlPoint, i);

              p.x += 2500.0;
              p.y += 300.0;
              g_array_append_val (pts, p);
            }
          worst = worst_translation ((HlPoint *) (gpointer) pts->data, pts->len, 400, &d);
          g_test_message ("with a shifted copy of a third: (%.2f, %.2f) maps %.3f %%", d.x, d.y, 100.0 * worst);
          g_assert_cmpfloat (worst, >, 0.2);
          g_assert_cmpfloat (fabs (fabs (d.x) - 2500.0), <, 0.05);
        }
    }
}

/* A seeded random walk through edits: handles dragged by small and large
 * steps (crossing their neighbours), zones added (overlapping others or
 * abutting one), removed and reordered, density, edge blend and session
 * changes, erased discs and hand-placed dots. After every step the
 * incremental engine must give exactly the dots of a fresh one. */
static void
test_incremental_random (void)
{
  g_autoptr(HlView) base = make_view ((HlRect) { 0, 0, 1600, 1000 }, 60, TRUE);
  g_autoptr(HlStippler) st = hl_stippler_new ();
  HlView *cur = hl_view_ref (base);
  HlRng rng;
  guint steps = g_test_slow () ? 3000 : 1000;

  hl_rng_init (&rng, 20261202);
  hl_stippler_update (st, cur, 5);

  for (guint step = 0; step < steps; step++)
    {
      HlView *next = hl_view_copy (cur);
      guint what = hl_rng_below (&rng, 100);

      if (what < 60 && cur->hairline != NULL)
        {
          /* Drag a hairline handle: mostly small steps, sometimes far. */
          guint n = hl_curve_get_n_points (cur->hairline);
          guint i = hl_rng_below (&rng, n);
          HlPoint p = hl_curve_get_points (cur->hairline)[i];
          double reach = hl_rng_below (&rng, 4) == 0 ? 400.0 : 25.0;
          g_autoptr(HlCurve) moved = NULL;

          p.x += (hl_rng_double (&rng) * 2 - 1) * reach;
          p.y += (hl_rng_double (&rng) * 2 - 1) * reach;
          moved = hl_curve_with_point (cur->hairline, i, p);
          hl_view_set_hairline (next, moved);
        }
      else if (what < 68 && next->zones->len > 0)
        {
          /* Density or sessions of a zone. */
          guint z = hl_rng_below (&rng, next->zones->len);
          g_autoptr(HlZone) zone = hl_zone_copy (hl_view_get_zone (next, z));
          HlZoneParams zp = zone->params;

          if (hl_rng_below (&rng, 2) == 0)
            zp.density = 20 + hl_rng_below (&rng, 80);
          else
            {
              zp.n_sessions = 1 + hl_rng_below (&rng, 3);
              for (guint k = 0; k < zp.n_sessions; k++)
                zp.sessions[k].share = 1.0 / zp.n_sessions;
            }
          hl_zone_set_params (zone, &zp);
          hl_view_replace_zone (next, z, zone);
        }
      else if (what < 72 && next->zones->len > 0)
        {
          /* Edge blend of a zone: what its neighbours see of it. */
          guint z = hl_rng_below (&rng, next->zones->len);
          g_autoptr(HlZone) zone = hl_zone_copy (hl_view_get_zone (next, z));
          HlZoneParams zp = zone->params;

          zp.edge_blend_mm = hl_rng_below (&rng, 4) * 2.0;
          hl_zone_set_params (zone, &zp);
          hl_view_replace_zone (next, z, zone);
        }
      else if (what < 76 && next->zones->len > 1)
        {
          /* Two zones swap places in the list: the other one wins now. */
          guint a = hl_rng_below (&rng, next->zones->len);
          guint b = (a + 1 + hl_rng_below (&rng, next->zones->len - 1)) % next->zones->len;
          g_autoptr(HlZone) za = hl_zone_ref (hl_view_get_zone (next, a));
          g_autoptr(HlZone) zb = hl_zone_ref (hl_view_get_zone (next, b));

          hl_view_replace_zone (next, a, zb);
          hl_view_replace_zone (next, b, za);
        }
      else if (what < 82)
        {
          /* Add a zone somewhere, or beside one (sharing the right or the
           * lower side of its bounds), or remove one. */
          if (next->zones->len < 3 || (next->zones->len < 5 && hl_rng_below (&rng, 2) == 0))
            {
              double x = hl_rng_double (&rng) * 1200, y = hl_rng_double (&rng) * 700;
              double w = 200 + hl_rng_double (&rng) * 300, h = 150 + hl_rng_double (&rng) * 200;
              g_autoptr(HlCurve) outline = NULL;
              g_autoptr(HlZone) zone = NULL;
              HlZoneParams zp;

              if (hl_rng_below (&rng, 2) == 0)
                {
                  HlRect nb = hl_curve_bounds (hl_view_get_zone (next, hl_rng_below (&rng, next->zones->len))->boundary);

                  if (hl_rng_below (&rng, 2) == 0)
                    x = nb.x1, y = nb.y0;
                  else
                    x = nb.x0, y = nb.y1;
                }
              outline = rect_curve ((HlRect) { x, y, x + w, y + h });
              hl_zone_params_init (&zp);
              zp.density = 30 + 10 * hl_rng_below (&rng, 6);
              zp.seed = hl_rng_below (&rng, 1000);
              zp.follows_hairline = hl_rng_below (&rng, 2);
              zone = hl_zone_new ("Zone", HL_ZONE_CUSTOM, outline, &zp);
              hl_view_append_zone (next, zone);
            }
          else if (next->zones->len > 1)
            hl_view_remove_zone (next, hl_rng_below (&rng, next->zones->len));
        }
      else if (what < 90)
        {
          /* Erase a disc or place a dot by hand. */
          HlDotEdit e = { 0 };

          e.p = (HlPoint) { hl_rng_double (&rng) * 1600, hl_rng_double (&rng) * 1000 };
          if (hl_rng_below (&rng, 2) == 0)
            {
              e.kind = HL_EDIT_REMOVE;
              e.radius_px = 10 + hl_rng_double (&rng) * 60;
            }
          else
            {
              e.kind = HL_EDIT_ADD;
              e.diameter_mm = 0.3;
              e.session = hl_rng_below (&rng, 3);
            }
          hl_view_append_edit (next, &e);
        }
      else if (what < 94)
        {
          /* The hairline goes away, or comes back. */
          if (next->hairline != NULL)
            hl_view_set_hairline (next, NULL);
          else
            hl_view_set_hairline (next, base->hairline);
        }
      /* else: the same view again */

      hl_view_unref (cur);
      cur = next;
      hl_stippler_update (st, cur, 5);
      {
        g_autoptr(GArray) fresh = hl_stipple_view (cur, 5);
        gsize n;
        const HlDot *dots = hl_stippler_get_dots (st, &n);

        if (n != fresh->len || memcmp (dots, fresh->data, n * sizeof (HlDot)) != 0)
          {
            g_printerr ("step %u (kind %u): incremental %u dots, fresh %u\n", step, what, (guint) n, fresh->len);
            g_assert_not_reached ();
          }
      }
    }

  hl_view_unref (cur);
}

/* A handle dragged at every speed the hand has (2, 20 and 100 px an
 * event, one way then back, and past its neighbours so that the line
 * loops), with the zone's stats asked between steps (they read the
 * hairline far from the edit): every step equals a fresh stipple. */
static void
test_incremental_drag_speeds (void)
{
  static const double speeds[] = { 2.0, 20.0, 100.0, 260.0 };

  for (guint sp = 0; sp < G_N_ELEMENTS (speeds); sp++)
    {
      g_autoptr(HlView) base = make_view ((HlRect) { 0, 0, 2400, 1200 }, 60, TRUE);
      g_autoptr(HlStippler) st = hl_stippler_new ();
      HlView *cur = hl_view_ref (base);

      hl_stippler_update (st, cur, 5);
      for (guint step = 0; step < 8; step++)
        {
          HlView *next = hl_view_copy (cur);
          HlPoint p = hl_curve_get_points (cur->hairline)[4];
          double dir = step < 5 ? 1.0 : -1.0;
          g_autoptr(HlCurve) moved = hl_curve_with_point (cur->hairline, 4,
                                                          (HlPoint) { p.x + dir * speeds[sp],
                                                                      p.y - dir * 0.7 * speeds[sp] });
          HlZoneStats stats;

          hl_view_set_hairline (next, moved);
          hl_view_unref (cur);
          cur = next;
          hl_stippler_update (st, cur, 5);
          assert_same_as_fresh (st, cur, 5);
          if (step % 3 == 1)
            {
              g_assert_true (hl_stippler_get_zone_stats (st, 0, &stats));
              g_assert_cmpuint (stats.dots, >, 0);
            }
          else
            {
              /* The counts the editor takes after every step: the areas
               * measured again where the line moved equal a fresh
               * engine's. */
              g_autoptr(HlStippler) fresh = hl_stippler_new ();
              HlZoneStats want;

              hl_stippler_update (fresh, cur, 5);
              g_assert_true (hl_stippler_get_zone_counts (st, 0, &stats));
              g_assert_true (hl_stippler_get_zone_counts (fresh, 0, &want));
              g_assert_cmpfloat (stats.in_front_of_hairline_cm2, ==, want.in_front_of_hairline_cm2);
              g_assert_cmpfloat (stats.outside_scalp_cm2, ==, want.outside_scalp_cm2);
              g_assert_cmpfloat (want.in_front_of_hairline_cm2, >, 0.0);
            }
        }
      hl_view_unref (cur);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stippler/uniform-zone", test_uniform_zone);
  g_test_add_func ("/stippler/density-limits", test_density_limits);
  g_test_add_func ("/stippler/hairline-zone", test_hairline_zone);
  g_test_add_func ("/stippler/determinism", test_determinism);
  g_test_add_func ("/stippler/incremental-updates", test_incremental_updates);
  g_test_add_func ("/stippler/incremental-drag-speeds", test_incremental_drag_speeds);
  g_test_add_func ("/stippler/degenerate-inputs", test_degenerate_inputs);
  g_test_add_func ("/stippler/no-repetition", test_no_repetition);
  g_test_add_func ("/stippler/incremental-random", test_incremental_random);

  return g_test_run ();
}
