/* hl-blue-noise-tiles.h: the compiled-in tile variants (private).
 *
 * Defined in the hl-blue-noise-tiles.c that hl-blue-noise-gen writes when
 * the project is built; read through hl_blue_noise_variant().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-blue-noise.h"

G_BEGIN_DECLS

/* Variant k holds hl_blue_noise_tiles_points[start[k] .. start[k + 1]). */
extern const guint            hl_blue_noise_tiles_start[HL_BLUE_NOISE_N_VARIANTS + 1];
extern const HlBlueNoisePoint hl_blue_noise_tiles_points[];
/* From this rank on, every point of every variant has the last step's
 * dart radius. */
extern const float            hl_blue_noise_tiles_last_step_rank;
/* The dart steps, largest radius first: the rank where each begins (the
 * same in every variant) and its radius, unit square. */
extern const guint            hl_blue_noise_tiles_n_steps;
extern const float            hl_blue_noise_tiles_steps[][2];

G_END_DECLS
