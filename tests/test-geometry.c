/* test-geometry.c: polygons, curves and the segment index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-curve.h"
#include "hl-rng.h"
#include "hl-segment-index.h"

static HlCurve *
circle_curve (double cx,
              double cy,
              double r,
              guint  n)
{
  g_autofree HlPoint *pts = g_new (HlPoint, n);

  for (guint i = 0; i < n; i++)
    pts[i] = (HlPoint) { cx + r * cos (2 * G_PI * i / n), cy + r * sin (2 * G_PI * i / n) };

  return hl_curve_new (pts, n, TRUE);
}

static void
test_polygon_measures (void)
{
  HlPoint square[] = { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } };
  HlPoint tri[] = { { 0, 0 }, { 4, 0 }, { 0, 3 } };

  g_assert_cmpfloat_with_epsilon (hl_polygon_area (square, 4), 100.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (hl_polygon_area (tri, 3), 6.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (hl_polyline_length (tri, 3, TRUE), 12.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (hl_polyline_length (tri, 3, FALSE), 9.0, 1e-12);
  g_assert_true (hl_polygon_contains (square, 4, (HlPoint) { 5, 5 }));
  g_assert_false (hl_polygon_contains (square, 4, (HlPoint) { 15, 5 }));
  g_assert_false (hl_polygon_contains (square, 4, (HlPoint) { -0.1, 5 }));
  g_assert_cmpfloat (hl_polygon_area (square, 2), ==, 0.0);
}

static void
test_curve_passes_through_points (void)
{
  HlPoint pts[] = { { 0, 0 }, { 100, 30 }, { 200, -20 }, { 300, 10 } };
  g_autoptr(HlCurve) curve = hl_curve_new (pts, 4, FALSE);
  guint n;
  const HlPoint *poly = hl_curve_get_polyline (curve, &n);
  guint found = 0;

  g_assert_cmpuint (n, >, 8);
  for (guint i = 0; i < 4; i++)
    for (guint k = 0; k < n; k++)
      if (poly[k].x == pts[i].x && poly[k].y == pts[i].y)
        {
          found++;
          break;
        }
  g_assert_cmpuint (found, ==, 4);
  g_assert_cmpfloat (poly[0].x, ==, 0.0);
  g_assert_cmpfloat (poly[n - 1].x, ==, 300.0);
  /* Longer than the chords, shorter than a detour. */
  g_assert_cmpfloat (hl_curve_length (curve), >, 300.0);
  g_assert_cmpfloat (hl_curve_length (curve), <, 340.0);
}

static void
test_curve_circle_area (void)
{
  g_autoptr(HlCurve) c64 = circle_curve (500, 500, 100, 64);
  g_autoptr(HlCurve) c8 = circle_curve (500, 500, 100, 8);
  double exact = G_PI * 100 * 100;

  g_assert_cmpfloat (fabs (hl_curve_area (c64) - exact) / exact, <, 0.001);
  /* Eight points still make a round curve: within 2 %. */
  g_assert_cmpfloat (fabs (hl_curve_area (c8) - exact) / exact, <, 0.02);
  g_assert_cmpfloat (fabs (hl_curve_length (c64) - 2 * G_PI * 100) / (2 * G_PI * 100), <, 0.001);
}

static void
test_curve_degenerate (void)
{
  HlPoint same[] = { { 5, 5 }, { 5, 5 }, { 5, 5 } };
  HlPoint one[] = { { 1, 2 } };
  g_autoptr(HlCurve) a = hl_curve_new (same, 3, TRUE);
  g_autoptr(HlCurve) b = hl_curve_new (one, 1, FALSE);
  g_autoptr(HlCurve) c = hl_curve_new (NULL, 0, TRUE);
  guint n;

  g_assert_cmpfloat (hl_curve_area (a), ==, 0.0);
  g_assert_true (isfinite (hl_curve_length (a)));
  hl_curve_get_polyline (b, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (hl_curve_length (c), ==, 0.0);
  g_assert_true (hl_rect_is_empty (hl_curve_bounds (c)));
}

static void
test_curve_affected_range (void)
{
  HlPoint pts[9];
  g_autoptr(HlCurve) curve = NULL;
  g_autoptr(HlCurve) moved = NULL;
  guint first, last, n_a, n_b;
  const HlPoint *pa, *pb;

  for (guint i = 0; i < 9; i++)
    pts[i] = (HlPoint) { i * 100.0, (i % 2) * 20.0 };
  curve = hl_curve_new (pts, 9, FALSE);
  moved = hl_curve_with_point (curve, 4, (HlPoint) { 410, 40 });
  hl_curve_get_affected_range (curve, 4, &first, &last);

  pa = hl_curve_get_polyline (curve, &n_a);
  pb = hl_curve_get_polyline (moved, &n_b);
  g_assert_cmpuint (n_a, ==, n_b);
  /* Outside the reported range, nothing moved; inside, something did. */
  for (guint k = 0; k < n_a; k++)
    {
      gboolean same = pa[k].x == pb[k].x && pa[k].y == pb[k].y;

      if (k < first || k > last)
        g_assert_true (same);
    }
  g_assert_false (pa[(first + last) / 2].y == pb[(first + last) / 2].y &&
                  pa[(first + last) / 2].x == pb[(first + last) / 2].x);
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (last, <, n_a - 1);
}

/* The grid index must agree with the exact O(n) answer everywhere. */
static void
test_segment_index_matches_exact (void)
{
  HlPoint line[12];
  HlRng rng;
  g_autoptr(HlCurve) circle = circle_curve (0, 0, 300, 24);
  HlRect area = { -600, -600, 600, 600 };

  hl_rng_init (&rng, 7);
  for (guint i = 0; i < 12; i++)
    line[i] = (HlPoint) { -500 + i * 90.0, 80 * hl_rng_double (&rng) - 40 };

  for (guint pass = 0; pass < 2; pass++)
    {
      guint n;
      const HlPoint *poly = pass == 0 ? line : hl_curve_get_polyline (circle, &n);
      g_autoptr(HlSegmentIndex) index = NULL;
      guint mismatches = 0;

      if (pass == 0)
        n = 12;
      index = hl_segment_index_new (poly, n, pass == 1, 50.0, area);

      for (guint k = 0; k < 20000; k++)
        {
          HlPoint p = { -600 + 1200 * hl_rng_double (&rng), -600 + 1200 * hl_rng_double (&rng) };
          double fast = hl_segment_index_signed_distance (index, p);
          double exact = hl_segment_index_signed_distance_exact (index, p);

          if ((fast >= 0) != (exact >= 0))
            mismatches++;
          else if (fabs (exact) <= 50.0 && fabs (fast - exact) > 1e-9)
            mismatches++;
        }
      g_assert_cmpuint (mismatches, ==, 0);
    }
}

static void
test_segment_index_sides (void)
{
  /* A line drawn left to right: "above" (smaller y) is the positive side. */
  HlPoint line[] = { { 0, 100 }, { 100, 100 }, { 200, 100 } };
  HlPoint square[] = { { 0, 0 }, { 0, 10 }, { 10, 10 }, { 10, 0 } };   /* either orientation */
  g_autoptr(HlSegmentIndex) li = hl_segment_index_new (line, 3, FALSE, 10, (HlRect) { -100, 0, 300, 200 });
  g_autoptr(HlSegmentIndex) sq = hl_segment_index_new (square, 4, TRUE, 2, (HlRect) { -20, -20, 30, 30 });

  g_assert_cmpfloat (hl_segment_index_signed_distance (li, (HlPoint) { 50, 95 }), ==, 5.0);
  g_assert_cmpfloat (hl_segment_index_signed_distance (li, (HlPoint) { 50, 105 }), ==, -5.0);
  g_assert_cmpfloat (hl_segment_index_signed_distance (li, (HlPoint) { 50, 10 }), >, 0);
  g_assert_cmpfloat (hl_segment_index_signed_distance (li, (HlPoint) { 50, 190 }), <, 0);
  /* Beyond the ends, the line continues as rays. */
  g_assert_cmpfloat (hl_segment_index_signed_distance (li, (HlPoint) { 280, 90 }), >, 0);
  g_assert_cmpfloat (hl_segment_index_signed_distance (li, (HlPoint) { -80, 110 }), <, 0);

  g_assert_cmpfloat (hl_segment_index_signed_distance (sq, (HlPoint) { 5, 5 }), >, 0);
  g_assert_cmpfloat (hl_segment_index_signed_distance (sq, (HlPoint) { 1, 5 }), ==, 1.0);
  g_assert_cmpfloat (hl_segment_index_signed_distance (sq, (HlPoint) { -1, 5 }), ==, -1.0);
  g_assert_cmpfloat (hl_segment_index_signed_distance (sq, (HlPoint) { 25, 25 }), <, 0);
}

static void
test_rng_reference_values (void)
{
  HlRng rng;
  guint64 first;

  /* Pinned values: a change here changes every design's dots and must come
   * with a new engine version. */
  hl_rng_init (&rng, 1);
  first = hl_rng_next (&rng);
  g_assert_cmpuint (first, ==, G_GUINT64_CONSTANT (0xb3f2af6d0fc710c5));
  for (guint i = 0; i < 1000; i++)
    {
      double d = hl_rng_double (&rng);
      guint32 b = hl_rng_below (&rng, 7);
      double t = hl_rng_triangular (&rng);

      g_assert_cmpfloat (d, >=, 0.0);
      g_assert_cmpfloat (d, <, 1.0);
      g_assert_cmpuint (b, <, 7);
      g_assert_cmpfloat (t, >, -1.0);
      g_assert_cmpfloat (t, <, 1.0);
    }
}

/* A hairline whose ends are straight stretches (three collinear control
 * points at each end): its end rays run along those stretches, which must
 * not count as crossing them, whatever area the index covers (the area sets
 * how far the ends are extended, and so the last bits of the rays'
 * directions). A line taken as looping makes every drag re-evaluate all
 * candidates. */
static void
test_segment_index_straight_ends_simple (void)
{
  HlPoint h[9];
  const HlRect areas[] = {
    { -750, -750, 3750, 3750 }, { 0, 0, 3000, 3000 }, { -100, -100, 3100, 3100 }, { -2000, -2000, 5000, 5000 },
  };
  g_autoptr(HlCurve) curve = NULL;
  const HlPoint *poly;
  guint n;

  for (guint i = 0; i < 9; i++)
    h[i] = (HlPoint) { -100 + i * 3200 / 8.0, 2850 + ((int) (i % 3) - 1) * 40.0 };
  curve = hl_curve_new (h, 9, FALSE);
  poly = hl_curve_get_polyline (curve, &n);
  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      g_autoptr(HlSegmentIndex) index = hl_segment_index_new (poly, n, FALSE, 130, areas[a]);

      g_assert_true (hl_segment_index_is_simple (index));
    }

  /* A line that does cross itself is still seen as looping. */
  {
    HlPoint z[] = { { 0, 0 }, { 100, 100 }, { 100, 0 }, { 0, 100 } };
    g_autoptr(HlSegmentIndex) index = hl_segment_index_new (z, 4, FALSE, 10, areas[1]);

    g_assert_false (hl_segment_index_is_simple (index));
  }
}

/* An index whose grid covers only part of the area answers exactly as the
 * whole one, inside its grid and out (where it scans every segment). */
static void
test_segment_index_local (void)
{
  HlRng rng;
  HlRect area = { -600, -600, 2600, 1600 };

  hl_rng_init (&rng, 11);
  for (guint pass = 0; pass < 6; pass++)
    {
      HlPoint h[9];
      g_autoptr(HlCurve) curve = NULL;
      g_autoptr(HlSegmentIndex) whole = NULL;
      g_autoptr(HlSegmentIndex) local = NULL;
      const HlPoint *poly;
      guint n, differ = 0, near = 0;
      HlRect grid;
      double x0 = 2000 * hl_rng_double (&rng), y0 = 1000 * hl_rng_double (&rng);

      for (guint i = 0; i < 9; i++)
        h[i] = (HlPoint) { -100 + i * 250.0, 500 + 300 * hl_rng_double (&rng) - 150 };
      curve = hl_curve_new (h, 9, FALSE);
      poly = hl_curve_get_polyline (curve, &n);
      grid = (HlRect) { x0, y0, x0 + 100 + 600 * hl_rng_double (&rng), y0 + 100 + 400 * hl_rng_double (&rng) };
      whole = hl_segment_index_new (poly, n, FALSE, 120.0, area);
      local = hl_segment_index_new_local (poly, n, 120.0, area, grid);
      g_assert_cmpint (hl_segment_index_is_simple (whole), ==, hl_segment_index_is_simple (local));

      for (guint k = 0; k < 20000; k++)
        {
          /* Half the points inside the local grid, half anywhere. */
          HlRect r = k % 2 == 0 ? grid : area;
          HlPoint p = { r.x0 + (r.x1 - r.x0) * hl_rng_double (&rng),
                        r.y0 + (r.y1 - r.y0) * hl_rng_double (&rng) };
          double a = hl_segment_index_signed_distance (whole, p);
          double b = hl_segment_index_signed_distance (local, p);

          if (a != b)
            differ++;
          if (fabs (a) <= 120.0)
            near++;
        }
      g_assert_cmpuint (differ, ==, 0);
      g_assert_cmpuint (near, >, 100);
    }
}

/* A simplified polyline keeps its ends and a subsequence of its points,
 * stays within the tolerance of every point left out, makes no segment
 * longer than asked that was not one already, and a straight line
 * collapses to its ends. */
static void
test_polyline_simplify (void)
{
  HlPoint wave[500], line[100];
  const double tolerances[] = { 0.05, 0.5, 3.0 };

  for (guint i = 0; i < G_N_ELEMENTS (wave); i++)
    wave[i] = (HlPoint) { 2.7 * i, 40 * sin (i / 23.0) + 6 * sin (i / 3.1) };
  for (guint i = 0; i < G_N_ELEMENTS (line); i++)
    line[i] = (HlPoint) { 1.0 + 3.0 * i, -2.0 + 1.5 * i };

  for (guint k = 0; k < G_N_ELEMENTS (tolerances); k++)
    for (int limited = 0; limited < 2; limited++)
      {
        double tol = tolerances[k], max_length = limited ? 20.0 : 0.0;
        gsize m = 0, j = 0, last = 0;
        g_autofree HlPoint *kept = hl_polyline_simplify (wave, G_N_ELEMENTS (wave), tol, max_length, &m);

        g_assert_cmpuint (m, >=, 2);
        g_assert_cmpuint (m, <, G_N_ELEMENTS (wave));
        g_assert_cmpfloat (kept[0].x, ==, wave[0].x);
        g_assert_cmpfloat (kept[m - 1].x, ==, wave[G_N_ELEMENTS (wave) - 1].x);
        /* In order, each kept point one of the line's; every point left
         * out near the segment between the kept points around it. */
        for (gsize i = 0; i < G_N_ELEMENTS (wave); i++)
          {
            if (j < m && wave[i].x == kept[j].x && wave[i].y == kept[j].y)
              {
                if (j > 0 && max_length > 0.0 && i - last > 1)
                  g_assert_cmpfloat (hl_point_distance (kept[j - 1], kept[j]), <=, max_length);
                last = i;
                j++;
                continue;
              }
            g_assert_cmpuint (j, >, 0);
            g_assert_cmpuint (j, <, m);
            g_assert_cmpfloat (sqrt (hl_segment_distance2 (wave[i], kept[j - 1], kept[j], NULL)), <=, tol);
          }
        g_assert_cmpuint (j, ==, m);
        g_test_message ("tolerance %.2f, longest %.0f: %" G_GSIZE_FORMAT " of %u points", tol, max_length, m,
                        (guint) G_N_ELEMENTS (wave));
      }

  {
    gsize m = 0;
    g_autofree HlPoint *ends = hl_polyline_simplify (line, G_N_ELEMENTS (line), 0.01, 0.0, &m);
    g_autofree HlPoint *pieces = NULL;

    g_assert_cmpuint (m, ==, 2);
    pieces = hl_polyline_simplify (line, G_N_ELEMENTS (line), 0.01, 60.0, &m);
    /* 99 steps of 3.35: halved down to stretches of at most 60. */
    g_assert_cmpuint (m, >, 2);
    for (gsize i = 1; i < m; i++)
      g_assert_cmpfloat (hl_point_distance (pieces[i - 1], pieces[i]), <=, 60.0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/polygon-measures", test_polygon_measures);
  g_test_add_func ("/geometry/curve-through-points", test_curve_passes_through_points);
  g_test_add_func ("/geometry/curve-circle-area", test_curve_circle_area);
  g_test_add_func ("/geometry/curve-degenerate", test_curve_degenerate);
  g_test_add_func ("/geometry/curve-affected-range", test_curve_affected_range);
  g_test_add_func ("/geometry/segment-index-exact", test_segment_index_matches_exact);
  g_test_add_func ("/geometry/segment-index-sides", test_segment_index_sides);
  g_test_add_func ("/geometry/segment-index-straight-ends", test_segment_index_straight_ends_simple);
  g_test_add_func ("/geometry/segment-index-local", test_segment_index_local);
  g_test_add_func ("/geometry/rng-reference", test_rng_reference_values);
  g_test_add_func ("/geometry/polyline-simplify", test_polyline_simplify);

  return g_test_run ();
}
