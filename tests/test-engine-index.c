/* test-engine-index.c: the segment index's side-only query
 * (hl_segment_index_in_front()) names the same side as the signed
 * distance, everywhere: on a grid over the line and far around it, and a
 * thousandth of a pixel to either side of every segment; for the samples'
 * hairlines, wavy lines made from a seed, a line whose end rays meet and
 * one that crosses itself (which take the distance's own path), with
 * indexes over the whole area and local ones (a dragged handle's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-design-io.h"
#include "hl-rng.h"
#include "hl-segment-index.h"

/* Whether the side-only query agrees with the signed distance at @p (a
 * point on the line, at distance 0 of either sign, agrees with any). */
static gboolean
agree (const HlSegmentIndex *index,
       HlPoint               p)
{
  double d = hl_segment_index_signed_distance (index, p);

  if (fabs (d) < 1e-6)
    return TRUE;
  if (hl_segment_index_in_front (index, p) == (d < 0.0))
    return TRUE;
  g_test_message ("at %.9g, %.9g: distance %g", p.x, p.y, d);
  return FALSE;
}

/* Checks @index over @r and along the line; returns how many points. */
static guint
check_index (const HlSegmentIndex *index,
             const HlPoint        *pts,
             guint                 n,
             HlRect               r)
{
  double step = (r.x1 - r.x0) / 300.0;
  guint count = 0;

  for (double y = r.y0; y < r.y1; y += step * 0.77)
    for (double x = r.x0; x < r.x1; x += step)
      {
        HlPoint p = { x, y };

        g_assert_true (agree (index, p));
        count++;
      }
  for (guint i = 0; i + 1 < n; i++)
    {
      double dx = pts[i + 1].x - pts[i].x, dy = pts[i + 1].y - pts[i].y;
      double len = hypot (dx, dy);

      if (len == 0.0)
        continue;
      /* Off the line (on it the distance is 0, of either sign). */
      for (int k = -2; k <= 2; k++)
        {
          double e = k * 5e-4;
          HlPoint p = { 0.5 * (pts[i].x + pts[i + 1].x) - dy / len * e,
                        0.5 * (pts[i].y + pts[i + 1].y) + dx / len * e };

          if (k == 0)
            continue;
          g_assert_true (agree (index, p));
          count++;
        }
    }
  return count;
}

static guint
check_line (const HlPoint *pts,
            guint          n)
{
  HlRect r = hl_rect_inflate (hl_rect_from_points (pts, n), 300);
  guint count = 0;

  for (double reach = 20; reach < 400; reach *= 3)
    {
      g_autoptr(HlSegmentIndex) whole = hl_segment_index_new (pts, n, FALSE, reach, r);
      /* A local index over a quarter of the line's box. */
      HlRect box = hl_rect_from_points (pts, n);
      HlRect grid = { box.x0, box.y0, box.x0 + (box.x1 - box.x0) / 2, box.y0 + (box.y1 - box.y0) / 2 };
      g_autoptr(HlSegmentIndex) local = hl_segment_index_new_local (pts, n, reach, r, grid);

      count += check_index (whole, pts, n, r);
      count += check_index (local, pts, n, r);
    }
  return count;
}

static void
test_samples (void)
{
  const char *names[] = { "front-consultation.json", "head-chart-consultation.json" };
  guint lines = 0, count = 0;

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), names[f], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);

      g_assert_no_error (error);
      for (guint v = 0; v < hl_design_get_n_views (design); v++)
        {
          const HlView *view = hl_design_get_view (design, v);
          guint n;
          const HlPoint *pts;

          if (view->hairline == NULL)
            continue;
          pts = hl_curve_get_polyline (view->hairline, &n);
          count += check_line (pts, n);
          lines++;
        }
    }
  g_test_message ("%u hairlines, %u points", lines, count);
  g_assert_cmpuint (lines, >=, 2);
}

static void
test_shapes (void)
{
  /* Wavy lines across, from seeds. */
  for (guint64 seed = 1; seed <= 6; seed++)
    {
      HlRng rng;
      HlPoint pts[40];

      hl_rng_init (&rng, seed);
      for (guint i = 0; i < G_N_ELEMENTS (pts); i++)
        pts[i] = (HlPoint) { i * 25.0 + hl_rng_double (&rng) * 10.0,
                             100.0 + 40.0 * sin (i * 0.4) + hl_rng_double (&rng) * 30.0 };
      check_line (pts, G_N_ELEMENTS (pts));
    }
  /* A line whose end rays meet below it, at (100, -250). */
  {
    HlPoint cup[] = { { 0, 0 }, { -40, 100 }, { 100, 160 }, { 240, 100 }, { 200, 0 } };

    check_line (cup, G_N_ELEMENTS (cup));
  }
  /* A line that crosses itself. */
  {
    HlPoint loop[] = { { 0, 100 }, { 100, 100 }, { 150, 50 }, { 100, 0 }, { 60, 60 }, { 60, 160 }, { 250, 160 } };
    g_autoptr(HlSegmentIndex) index = hl_segment_index_new (loop, G_N_ELEMENTS (loop), FALSE, 30, (HlRect) { -100, -100, 400, 300 });

    g_assert_false (hl_segment_index_is_simple (index));
    check_line (loop, G_N_ELEMENTS (loop));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine-index/in-front-samples", test_samples);
  g_test_add_func ("/engine-index/in-front-shapes", test_shapes);

  return g_test_run ();
}
