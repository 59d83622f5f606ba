/* hl-blue-noise.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-blue-noise.h"
#include "hl-rng.h"

/* About this many points per tile: 64 × 64 dots, so a tile spans ≈ 8 cm at
 * 60 dots/cm², more than most zones. */
#define TARGET_POINTS 4096
/* Final dart radius relative to the hexagonal spacing of TARGET_POINTS. */
#define FINAL_RADIUS 0.80
/* Radius schedule: geometric from START_RADIUS × final to final. */
#define START_RADIUS 6.0
#define N_STEPS 40
/* Darts per step, in units of the disks of that radius the tile holds. */
#define DARTS_PER_STEP 8.0
#define DARTS_LAST_STEP 40.0
#define CACHE_SIZE 8

static GMutex cache_lock;
static HlBlueNoise *cache[CACHE_SIZE];
static guint cache_next;

typedef struct
{
  guint   side;      /* acceleration grid side */
  double  cell;      /* its cell size */
  int    *cells;     /* point index per cell, -1 when empty */
  double *xy;        /* accepted points, interleaved */
  guint   n;
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

static gboolean
dart_fits (const DartGrid *g,
           double          x,
           double          y,
           double          r)
{
  int reach = (int) ceil (r / g->cell);
  int cx = (int) (x / g->cell);
  int cy = (int) (y / g->cell);
  double r2 = r * r;
  int side = (int) g->side;

  for (int dy = -reach; dy <= reach; dy++)
    {
      int yy = ((cy + dy) % side + side) % side;

      for (int dx = -reach; dx <= reach; dx++)
        {
          int xx = ((cx + dx) % side + side) % side;
          int idx = g->cells[yy * side + xx];
          double ex, ey;

          if (idx < 0)
            continue;
          ex = torus_delta (g->xy[2 * idx] - x);
          ey = torus_delta (g->xy[2 * idx + 1] - y);
          if (ex * ex + ey * ey < r2)
            return FALSE;
        }
    }

  return TRUE;
}

static HlBlueNoise *
generate (guint64 seed)
{
  double spacing = sqrt (2.0 / (sqrt (3.0) * TARGET_POINTS));
  double r_final = FINAL_RADIUS * spacing;
  DartGrid g;
  HlRng rng;
  HlBlueNoise *tile;
  guint *counts;
  double min_d2 = INFINITY;
  double step_ratio;

  /* Cells small enough to hold one point at the final radius. */
  g.side = (guint) floor (1.0 / (r_final / G_SQRT2));
  g.cell = 1.0 / g.side;
  g.cells = g_new (int, g.side * g.side);
  memset (g.cells, 0xff, sizeof (int) * g.side * g.side);
  g.xy = g_new (double, 2 * g.side * g.side);
  g.n = 0;

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
        }
    }

  tile = g_new0 (HlBlueNoise, 1);
  g_atomic_ref_count_init (&tile->ref_count);
  tile->seed = seed;
  tile->n_points = g.n;
  tile->grid = MAX (1, (guint) floor (sqrt (g.n / 16.0)));
  tile->cell_start = g_new0 (guint, tile->grid * tile->grid + 1);
  tile->points = g_new (HlBlueNoisePoint, g.n);

  /* Counting sort of the accepted points into the tile's grid; rank is the
   * order of acceptance. */
  counts = g_new0 (guint, tile->grid * tile->grid + 1);
  for (guint i = 0; i < g.n; i++)
    {
      guint cx = MIN ((guint) (g.xy[2 * i] * tile->grid), tile->grid - 1);
      guint cy = MIN ((guint) (g.xy[2 * i + 1] * tile->grid), tile->grid - 1);

      counts[cy * tile->grid + cx + 1]++;
    }
  for (guint c = 0; c < tile->grid * tile->grid; c++)
    counts[c + 1] += counts[c];
  memcpy (tile->cell_start, counts, sizeof (guint) * (tile->grid * tile->grid + 1));
  for (guint i = 0; i < g.n; i++)
    {
      guint cx = MIN ((guint) (g.xy[2 * i] * tile->grid), tile->grid - 1);
      guint cy = MIN ((guint) (g.xy[2 * i + 1] * tile->grid), tile->grid - 1);
      guint at = counts[cy * tile->grid + cx]++;

      tile->points[at].x = (float) g.xy[2 * i];
      tile->points[at].y = (float) g.xy[2 * i + 1];
      tile->points[at].rank = (float) ((i + 0.5) / g.n);
      /* float rounding can make x == 1.0f: wrap it */
      if (tile->points[at].x >= 1.0f)
        tile->points[at].x = 0.0f;
      if (tile->points[at].y >= 1.0f)
        tile->points[at].y = 0.0f;
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

  g_free (counts);
  g_free (g.cells);
  g_free (g.xy);

  return tile;
}

HlBlueNoise *
hl_blue_noise_get (guint64 seed)
{
  HlBlueNoise *tile = NULL;

  g_mutex_lock (&cache_lock);
  for (guint i = 0; i < CACHE_SIZE; i++)
    {
      if (cache[i] != NULL && cache[i]->seed == seed)
        {
          tile = hl_blue_noise_ref (cache[i]);
          break;
        }
    }

  if (tile == NULL)
    {
      tile = generate (seed);
      if (cache[cache_next] != NULL)
        hl_blue_noise_unref (cache[cache_next]);
      cache[cache_next] = hl_blue_noise_ref (tile);
      cache_next = (cache_next + 1) % CACHE_SIZE;
    }
  g_mutex_unlock (&cache_lock);

  return tile;
}

HlBlueNoise *
hl_blue_noise_ref (HlBlueNoise *tile)
{
  g_return_val_if_fail (tile != NULL, NULL);

  g_atomic_ref_count_inc (&tile->ref_count);
  return tile;
}

void
hl_blue_noise_unref (HlBlueNoise *tile)
{
  g_return_if_fail (tile != NULL);

  if (g_atomic_ref_count_dec (&tile->ref_count))
    {
      g_free (tile->cell_start);
      g_free (tile->points);
      g_free (tile);
    }
}
