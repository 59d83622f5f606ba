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
