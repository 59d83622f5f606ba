/* hl-blue-noise-set.c: access to the compiled-in tile variants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-blue-noise.h"
#include "hl-blue-noise-tiles.h"

const HlBlueNoisePoint *
hl_blue_noise_variant (guint  index,
                       guint *n_points)
{
  g_return_val_if_fail (index < HL_BLUE_NOISE_N_VARIANTS, NULL);

  if (n_points != NULL)
    *n_points = hl_blue_noise_tiles_start[index + 1] - hl_blue_noise_tiles_start[index];
  return &hl_blue_noise_tiles_points[hl_blue_noise_tiles_start[index]];
}

double
hl_blue_noise_variant_mean (void)
{
  return hl_blue_noise_tiles_start[HL_BLUE_NOISE_N_VARIANTS] / (double) HL_BLUE_NOISE_N_VARIANTS;
}

float
hl_blue_noise_last_step_rank (void)
{
  return hl_blue_noise_tiles_last_step_rank;
}

static guint
step_at (float rank)
{
  guint lo = 0, hi = hl_blue_noise_tiles_n_steps;

  /* The last step whose first rank is at most @rank. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (hl_blue_noise_tiles_steps[mid][0] <= rank)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

double
hl_blue_noise_radius_at (float rank)
{
  return hl_blue_noise_tiles_steps[step_at (rank)][1];
}

float
hl_blue_noise_defer_rank (float  rank,
                          double radius)
{
  guint n = hl_blue_noise_tiles_n_steps;
  guint k = step_at (rank), to = k;
  double at, width;

  /* The first step from k on whose radius is at most @radius (radii
   * fall from step to step). */
  if (hl_blue_noise_tiles_steps[to][1] > radius)
    {
      guint lo = to, hi = n;   /* steps[lo] too large; steps[hi] fits or is past the end */

      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;

          if (hl_blue_noise_tiles_steps[mid][1] > radius)
            lo = mid;
          else
            hi = mid;
        }
      to = hi;
    }
  if (to == n)
    return 1.0f;
  width = (k + 1 < n ? hl_blue_noise_tiles_steps[k + 1][0] : 1.0) - hl_blue_noise_tiles_steps[k][0];
  at = width > 0.0 ? (rank - hl_blue_noise_tiles_steps[k][0]) / width : 0.0;
  width = (to + 1 < n ? hl_blue_noise_tiles_steps[to + 1][0] : 1.0) - hl_blue_noise_tiles_steps[to][0];
  return (float) MIN (hl_blue_noise_tiles_steps[to][0] + CLAMP (at, 0.0, 1.0) * width, 0.99999994);
}
