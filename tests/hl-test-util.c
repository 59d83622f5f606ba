/* hl-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-test-util.h"

typedef struct
{
  double x0, y0, cell;
  int    nx, ny;
  guint *start;
  guint *items;
} Grid;

static void
grid_build (Grid          *g,
            const HlPoint *pts,
            gsize          n,
            double         cell)
{
  HlRect r = hl_rect_from_points (pts, n);
  guint *fill;

  g->cell = cell;
  g->x0 = r.x0;
  g->y0 = r.y0;
  g->nx = (int) ((r.x1 - r.x0) / cell) + 1;
  g->ny = (int) ((r.y1 - r.y0) / cell) + 1;
  g->start = g_new0 (guint, (gsize) g->nx * g->ny + 1);
  g->items = g_new (guint, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    {
      int cx = (int) ((pts[i].x - g->x0) / cell), cy = (int) ((pts[i].y - g->y0) / cell);

      g->start[cy * g->nx + cx + 1]++;
    }
  for (int c = 0; c < g->nx * g->ny; c++)
    g->start[c + 1] += g->start[c];
  fill = g_memdup2 (g->start, sizeof (guint) * ((gsize) g->nx * g->ny));
  for (gsize i = 0; i < n; i++)
    {
      int cx = (int) ((pts[i].x - g->x0) / cell), cy = (int) ((pts[i].y - g->y0) / cell);

      g->items[fill[cy * g->nx + cx]++] = (guint) i;
    }
  g_free (fill);
}

static void
grid_clear (Grid *g)
{
  g_free (g->start);
  g_free (g->items);
}

double
hl_test_min_distance (const HlPoint *pts,
                      gsize          n)
{
  HlRect r = hl_rect_from_points (pts, n);
  double cell, best = INFINITY;
  Grid g;

  if (n < 2)
    return INFINITY;

  cell = sqrt ((r.x1 - r.x0 + 1e-9) * (r.y1 - r.y0 + 1e-9) / n) + 1e-9;
  grid_build (&g, pts, n, cell);

  for (gsize i = 0; i < n; i++)
    {
      int cx = (int) ((pts[i].x - g.x0) / cell), cy = (int) ((pts[i].y - g.y0) / cell);
      int reach = (int) ceil (MIN (best, 3 * cell) / cell);

      for (int y = MAX (0, cy - reach); y <= MIN (g.ny - 1, cy + reach); y++)
        for (int x = MAX (0, cx - reach); x <= MIN (g.nx - 1, cx + reach); x++)
          for (guint k = g.start[y * g.nx + x]; k < g.start[y * g.nx + x + 1]; k++)
            if (g.items[k] != i)
              best = MIN (best, hl_point_distance (pts[i], pts[g.items[k]]));
    }

  if (!isfinite (best))
    {
      /* Points farther apart than three cells: fall back to all pairs. */
      for (gsize i = 0; i < n; i++)
        for (gsize j = i + 1; j < n; j++)
          best = MIN (best, hl_point_distance (pts[i], pts[j]));
    }

  grid_clear (&g);
  return best;
}

double
hl_test_rho (const HlPoint *pts,
             gsize          n,
             double         area)
{
  double d_max;

  if (n < 2 || area <= 0.0)
    return 0.0;

  d_max = sqrt (2.0 / (sqrt (3.0) * (n / area)));
  return hl_test_min_distance (pts, n) / d_max;
}

double
hl_test_largest_empty (const HlPoint *pts,
                       gsize          n,
                       HlRect         rect,
                       double         step)
{
  double worst = 0.0;
  double cell;
  Grid g;

  if (n == 0)
    return INFINITY;

  cell = MAX (step * 4.0, 1e-6);
  grid_build (&g, pts, n, cell);

  for (double y = rect.y0; y <= rect.y1; y += step)
    for (double x = rect.x0; x <= rect.x1; x += step)
      {
        HlPoint p = { x, y };
        double best = INFINITY;
        int cx = (int) floor ((x - g.x0) / cell), cy = (int) floor ((y - g.y0) / cell);

        for (int reach = 1; reach < 64 && !(best <= (reach - 1) * cell); reach++)
          {
            best = INFINITY;
            for (int yy = MAX (0, cy - reach); yy <= MIN (g.ny - 1, cy + reach); yy++)
              for (int xx = MAX (0, cx - reach); xx <= MIN (g.nx - 1, cx + reach); xx++)
                for (guint k = g.start[yy * g.nx + xx]; k < g.start[yy * g.nx + xx + 1]; k++)
                  best = MIN (best, hl_point_distance (p, pts[g.items[k]]));
          }
        worst = MAX (worst, best);
      }

  grid_clear (&g);
  return worst;
}

GArray *
hl_test_dots_in_rect (const HlDot *dots,
                      gsize        n,
                      HlRect       rect,
                      int          max_session)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (HlPoint));

  for (gsize i = 0; i < n; i++)
    {
      HlPoint p = { dots[i].x, dots[i].y };

      if (max_session >= 0 && dots[i].session >= max_session)
        continue;
      if (hl_rect_contains (rect, p))
        g_array_append_val (out, p);
    }

  return out;
}
