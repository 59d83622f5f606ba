/* hl-blue-noise-gen.c: writes the compiled-in blue-noise tile variants.
 *
 * Run by the build: `hl-blue-noise-gen OUTPUT.c` generates CANDIDATES
 * tiles of about HL_BLUE_NOISE_TILE_POINTS points (seeds 0, 1, …), keeps
 * the HL_BLUE_NOISE_N_VARIANTS whose point counts are closest to the
 * median (tiles of unequal counts side by side would make the density vary
 * from tile to tile, which the spectrum shows as low-frequency power),
 * ranks their points again on one scale for all of them (rerank(), below)
 * and writes them as C tables with exact hexadecimal floats, so every build
 * of the same sources compiles the same tiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "hl-blue-noise.h"

#define CANDIDATES (4 * HL_BLUE_NOISE_N_VARIANTS)

static guint median_count;

static int
by_distance_to_median (const void *a,
                       const void *b)
{
  HlBlueNoise *const *x = a, *const *y = b;
  guint dx = (*x)->n_points > median_count ? (*x)->n_points - median_count : median_count - (*x)->n_points;
  guint dy = (*y)->n_points > median_count ? (*y)->n_points - median_count : median_count - (*y)->n_points;

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return (*x)->seed < (*y)->seed ? -1 : (*x)->seed > (*y)->seed;
}

static int
by_seed (const void *a,
         const void *b)
{
  HlBlueNoise *const *x = a, *const *y = b;

  return (*x)->seed < (*y)->seed ? -1 : (*x)->seed > (*y)->seed;
}

static int
by_count (const void *a,
          const void *b)
{
  const guint *x = a, *y = b;

  return *x < *y ? -1 : *x > *y;
}

/* Ranks shared by every variant. A tile ranks its points by their order of
 * acceptance over its own count, so a threshold t stops at a different dart
 * radius in each tile: the tile with the most points reaches a smaller
 * radius, and a prefix "rank < t" over many tiles is only as well spaced as
 * its worst tile (the plane's ρ of a 0.89 prefix measured 0.69 where a
 * single tile's averages 0.72). Here a point of dart step k (steps told
 * apart by their radius, the same in every tile) at position j of the n_k
 * points its tile accepted in that step gets
 *
 *   rank = (C_k + (j + ½) / n_k · c_k) / C
 *
 * with c_k the mean count of step k over the variants, C_k the sum of c
 * over the steps before and C the sum over all: every tile's points of step
 * k lie in the same rank interval, so "rank < t" keeps in every tile the
 * steps down to one radius (and an even share of that step's points), and
 * the prefix's smallest distance is that radius everywhere. Appends to
 * @steps, per step, "{ first rank, radius }," and returns the rank from
 * which every point has the last step's radius. */
static float
rerank (HlBlueNoise **tiles,
        guint         n_tiles,
        GString      *steps,
        guint        *n_steps)
{
  g_autoptr(GArray) radii = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (double));
  g_autofree double *before = NULL;
  double all = 0.0;

  /* The steps' radii, largest first (a tile's points are in step order). */
  for (guint t = 0; t < n_tiles; t++)
    for (guint i = 0; i < tiles[t]->n_points; i++)
      {
        float r = tiles[t]->points[i].radius;
        guint k = 0;

        while (k < radii->len && g_array_index (radii, float, k) > r)
          k++;
        if (k == radii->len || g_array_index (radii, float, k) != r)
          {
            double zero = 0.0;

            g_array_insert_val (radii, k, r);
            g_array_insert_val (totals, k, zero);
          }
        g_array_index (totals, double, k) += 1.0;
      }

  before = g_new (double, radii->len + 1);
  for (guint k = 0; k < radii->len; k++)
    {
      before[k] = all;
      all += g_array_index (totals, double, k);
    }
  before[radii->len] = all;
  for (guint k = 0; k < radii->len; k++)
    g_string_append_printf (steps, "  { %a, %a },\n", (double) (float) (before[k] / all),
                            (double) g_array_index (radii, float, k));
  *n_steps = radii->len;

  for (guint t = 0; t < n_tiles; t++)
    {
      HlBlueNoise *tile = tiles[t];
      guint i = 0, k = 0;

      while (i < tile->n_points)
        {
          float r = tile->points[i].radius;
          guint end = i;

          while (g_array_index (radii, float, k) != r)
            k++;
          while (end < tile->n_points && tile->points[end].radius == r)
            end++;
          for (guint j = i; j < end; j++)
            {
              /* In units of all points of all tiles: the same scale as
               * the means' (the common factor 1 / n_tiles cancels). */
              double within = (j - i + 0.5) / (double) (end - i) * g_array_index (totals, double, k);
              float rank = (float) ((before[k] + within) / all);

              tile->points[j].rank = MIN (rank, 0.99999994f);
            }
          i = end;
        }
    }

  return (float) (before[radii->len - 1] / all);
}

int
main (int    argc,
      char **argv)
{
  GString *out;
  guint start = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) starts = g_string_new (NULL);
  g_autoptr(GString) steps = g_string_new (NULL);
  guint n_steps = 0;
  HlBlueNoise *tiles[CANDIDATES];
  guint counts[CANDIDATES];
  float last_step_rank = 0.0f;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTPUT.c\n", argv[0]);
      return 2;
    }

  out = g_string_new ("/* Generated by hl-blue-noise-gen: do not edit. */\n"
                      "#include \"config.h\"\n\n"
                      "#include \"hl-blue-noise-tiles.h\"\n\n"
                      "const HlBlueNoisePoint hl_blue_noise_tiles_points[] = {\n");

  for (guint k = 0; k < CANDIDATES; k++)
    {
      tiles[k] = hl_blue_noise_generate (k, HL_BLUE_NOISE_TILE_POINTS);
      counts[k] = tiles[k]->n_points;
    }
  qsort (counts, CANDIDATES, sizeof (guint), by_count);
  median_count = counts[CANDIDATES / 2];
  qsort (tiles, CANDIDATES, sizeof (HlBlueNoise *), by_distance_to_median);
  qsort (tiles, HL_BLUE_NOISE_N_VARIANTS, sizeof (HlBlueNoise *), by_seed);

  last_step_rank = rerank (tiles, HL_BLUE_NOISE_N_VARIANTS, steps, &n_steps);

  for (guint k = 0; k < HL_BLUE_NOISE_N_VARIANTS; k++)
    {
      const HlBlueNoise *tile = tiles[k];

      g_string_append_printf (starts, "  %u,\n", start);
      for (guint i = 0; i < tile->n_points; i++)
        {
          const HlBlueNoisePoint *p = &tile->points[i];

          g_string_append_printf (out, "  { %a, %a, %a, %a },\n",
                                  (double) p->x, (double) p->y, (double) p->rank, (double) p->radius);
        }
      start += tile->n_points;
    }
  g_string_append_printf (starts, "  %u,\n", start);
  for (guint k = 0; k < CANDIDATES; k++)
    hl_blue_noise_free (tiles[k]);
  g_string_append (out, "};\n\nconst guint hl_blue_noise_tiles_start[HL_BLUE_NOISE_N_VARIANTS + 1] = {\n");
  g_string_append (out, starts->str);
  g_string_append (out, "};\n");
  g_string_append_printf (out, "\nconst float hl_blue_noise_tiles_last_step_rank = %a;\n",
                          (double) last_step_rank);
  g_string_append_printf (out, "\nconst guint hl_blue_noise_tiles_n_steps = %u;\n"
                          "const float hl_blue_noise_tiles_steps[][2] = {\n%s};\n",
                          n_steps, steps->str);

  if (!g_file_set_contents (argv[1], out->str, out->len, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      g_string_free (out, TRUE);
      return 1;
    }
  g_string_free (out, TRUE);
  return 0;
}
