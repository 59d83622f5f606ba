/* hl-blue-noise.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-blue-noise.h"
#include "hl-rng.h"

/* Final dart radius relative to the hexagonal spacing of the target. */
#define FINAL_RADIUS 0.80
/* Radius schedule: geometric from START_RADIUS × final to final. */
#define START_RADIUS 6.0
#define N_STEPS 160
/* Darts per step, in units of the disks of that radius the tile holds.
 * Finer steps, each nearer to saturation, space every rank prefix better:
 * over 200 single tiles the half prefix measures a mean ρ of 0.694 with 40
 * steps of 8 darts and 0.718 with 160 steps of 8, the whole tile 0.732
 * and 0.734. On the plane (3600 tiles with their seams, ranks on one scale
 * for all variants, see hl-blue-noise-gen.c) the smallest ρ of the
 * prefixes 0.3–0.93 rose from 0.689 with 8 darts a step to 0.700 with 24
 * and 0.709 with 40, the whole set from 0.727 to 0.730 and 0.731;
 * generating the variants takes about 4 times as long as with 8 (20–35 s
 * of the build on two cores). */
#define DARTS_PER_STEP 40.0
#define DARTS_LAST_STEP 40.0

typedef struct
{
  guint   side;      /* acceleration grid side */
  double  cell;      /* its cell size */
  int    *cells;     /* point index per cell, -1 when empty */
  double *xy;        /* accepted points, interleaved */
  guint   n;
  int    *near;      /* cell offsets a dart of the step's radius checks,
                        interleaved, nearest first */
  guint   n_near;
} DartGrid;

static double
torus_delta (double d)
{
  if (d > 0.5)
    return d - 1.0;
  if (d < -0.5)
    return d + 1.0;
  return d;
}

static double
offset_gap (int d)
{
  return MAX (ABS (d) - 1, 0);
}

static int
by_gap (const void *a,
        const void *b)
{
  const int *p = a, *q = b;
  double gp = offset_gap (p[0]) * offset_gap (p[0]) + offset_gap (p[1]) * offset_gap (p[1]);
  double gq = offset_gap (q[0]) * offset_gap (q[0]) + offset_gap (q[1]) * offset_gap (q[1]);

  if (gp != gq)
    return gp < gq ? -1 : 1;
  if (p[1] != q[1])
    return p[1] < q[1] ? -1 : 1;
  return (p[0] > q[0]) - (p[0] < q[0]);
}

/* The cell offsets where a point closer than @r to a dart can be: a cell
 * @d cells away in x is more than (|d| - 1) cells from any point of the
 * dart's cell. Nearest first, so that most darts that do not fit meet
 * their obstacle early; the answer does not depend on the order. */
static void
dart_grid_set_radius (DartGrid *g,
                      double    r)
{
  int reach = (int) ceil (r / g->cell);
  /* A hair wider than exact, against rounding in the cell of a point. */
  double lim = r / (g->cell * (1.0 - 1e-9));

  g->n_near = 0;
  for (int dy = -reach; dy <= reach; dy++)
    for (int dx = -reach; dx <= reach; dx++)
      if (offset_gap (dx) * offset_gap (dx) + offset_gap (dy) * offset_gap (dy) < lim * lim)
        {
          g->near[2 * g->n_near] = dx;
          g->near[2 * g->n_near + 1] = dy;
          g->n_near++;
        }
  qsort (g->near, g->n_near, 2 * sizeof (int), by_gap);
}

static gboolean
dart_fits (const DartGrid *g,
           double          x,
           double          y,
           double          r)
{
  int cx = (int) (x / g->cell);
  int cy = (int) (y / g->cell);
  double r2 = r * r;
  int side = (int) g->side;

  for (guint k = 0; k < g->n_near; k++)
    {
      int xx = cx + g->near[2 * k];
      int yy = cy + g->near[2 * k + 1];
      int idx;
      double ex, ey;

      /* Offsets stay within a side of the grid. */
      if (xx < 0)
        xx += side;
      else if (xx >= side)
        xx -= side;
      if (yy < 0)
        yy += side;
      else if (yy >= side)
        yy -= side;
      idx = g->cells[yy * side + xx];
      if (idx < 0)
        continue;
      ex = torus_delta (g->xy[2 * idx] - x);
      ey = torus_delta (g->xy[2 * idx + 1] - y);
      if (ex * ex + ey * ey < r2)
        return FALSE;
    }

  return TRUE;
}

HlBlueNoise *
hl_blue_noise_generate (guint64 seed,
                        guint   target_points)
{
  double spacing;
  double r_final;
  DartGrid g;
  HlRng rng;
  HlBlueNoise *tile;
  GArray *radii;
  double min_d2 = INFINITY;
  double step_ratio;

  g_return_val_if_fail (target_points >= 16, NULL);

  spacing = sqrt (2.0 / (sqrt (3.0) * target_points));
  r_final = FINAL_RADIUS * spacing;
  radii = g_array_new (FALSE, FALSE, sizeof (float));

  /* Cells small enough to hold one point at the final radius. */
  g.side = (guint) floor (1.0 / (r_final / G_SQRT2));
  g.cell = 1.0 / g.side;
  g.cells = g_new (int, g.side * g.side);
  memset (g.cells, 0xff, sizeof (int) * g.side * g.side);
  g.xy = g_new (double, 2 * g.side * g.side);
  g.n = 0;
  {
    int reach = (int) ceil (START_RADIUS * 1.0001 * r_final / g.cell);

    g.near = g_new (int, 2 * (2 * reach + 1) * (2 * reach + 1));
  }

  hl_rng_init (&rng, hl_rng_mix (seed, G_GUINT64_CONSTANT (0xb10e0015e)));

  /* START_RADIUS^(1/(N_STEPS-1)) by bisection on products, not pow(): only
   * correctly rounded operations, so every platform gets the same radii. */
  {
    double lo = 1.0, hi = START_RADIUS;

    for (guint it = 0; it < 64; it++)
      {
        double mid = 0.5 * (lo + hi);
        double p = 1.0;

        for (guint k = 0; k < N_STEPS - 1; k++)
          p *= mid;
        if (p < START_RADIUS)
          lo = mid;
        else
          hi = mid;
      }
    step_ratio = lo;
  }

  for (guint step = 0; step < N_STEPS; step++)
    {
      double r = r_final;
      double darts;
      guint64 n_darts;

      for (guint k = step; k < N_STEPS - 1; k++)
        r *= step_ratio;

      darts = (step == N_STEPS - 1 ? DARTS_LAST_STEP : DARTS_PER_STEP) / (G_PI * r * r * 0.25);
      n_darts = (guint64) darts;
      dart_grid_set_radius (&g, r);

      for (guint64 k = 0; k < n_darts; k++)
        {
          double x = hl_rng_double (&rng);
          double y = hl_rng_double (&rng);
          guint cx = MIN ((guint) (x / g.cell), g.side - 1);
          guint cy = MIN ((guint) (y / g.cell), g.side - 1);

          if (g.cells[cy * g.side + cx] >= 0)
            continue;
          if (!dart_fits (&g, x, y, r))
            continue;

          g.cells[cy * g.side + cx] = (int) g.n;
          g.xy[2 * g.n] = x;
          g.xy[2 * g.n + 1] = y;
          g.n++;
          {
            float rf = (float) r;

            g_array_append_val (radii, rf);
          }
        }
    }

  tile = g_new0 (HlBlueNoise, 1);
  tile->seed = seed;
  tile->n_points = g.n;
  tile->points = g_new (HlBlueNoisePoint, g.n);

  /* Rank is the order of acceptance. */
  for (guint i = 0; i < g.n; i++)
    {
      HlBlueNoisePoint *p = &tile->points[i];

      p->x = (float) g.xy[2 * i];
      p->y = (float) g.xy[2 * i + 1];
      p->rank = (float) ((i + 0.5) / g.n);
      p->radius = g_array_index (radii, float, i);
      /* float rounding can make x == 1.0f: wrap it */
      if (p->x >= 1.0f)
        p->x = 0.0f;
      if (p->y >= 1.0f)
        p->y = 0.0f;
    }

  /* Record the achieved minimum distance (a quality figure for tests). */
  for (guint i = 0; i < g.n; i++)
    {
      int cx = (int) (g.xy[2 * i] / g.cell);
      int cy = (int) (g.xy[2 * i + 1] / g.cell);
      int side = (int) g.side;

      for (int dy = -2; dy <= 2; dy++)
        for (int dx = -2; dx <= 2; dx++)
          {
            int xx = ((cx + dx) % side + side) % side;
            int yy = ((cy + dy) % side + side) % side;
            int j = g.cells[yy * side + xx];
            double ex, ey;

            if (j < 0 || (guint) j == i)
              continue;
            ex = torus_delta (g.xy[2 * j] - g.xy[2 * i]);
            ey = torus_delta (g.xy[2 * j + 1] - g.xy[2 * i + 1]);
            min_d2 = MIN (min_d2, ex * ex + ey * ey);
          }
    }
  tile->min_distance = sqrt (min_d2);

  g_array_unref (radii);
  g_free (g.cells);
  g_free (g.xy);
  g_free (g.near);

  return tile;
}

void
hl_blue_noise_free (HlBlueNoise *tile)
{
  if (tile == NULL)
    return;
  g_free (tile->points);
  g_free (tile);
}

double
hl_blue_noise_final_radius (void)
{
  return FINAL_RADIUS * sqrt (2.0 / (sqrt (3.0) * HL_BLUE_NOISE_TILE_POINTS));
}

double
hl_blue_noise_first_radius (void)
{
  /* The schedule's product of rounded ratios can end a hair above. */
  return START_RADIUS * 1.0001 * hl_blue_noise_final_radius ();
}
