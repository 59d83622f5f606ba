/* hl-blue-noise.h: ranked blue-noise tiles.
 *
 * A tile holds about N points on the unit torus [0, 1)², each with a rank
 * in [0, 1) and the dart radius it was accepted with. Every prefix
 * "rank < t" is itself evenly spaced, so the engine thins candidates by
 * comparing a point's rank with the local density: a density change, a
 * session split or a moved hairline only re-filters. Points come from dart
 * throwing with a slowly shrinking radius, so any two points of a tile are
 * at least the radius of the later one apart. A generated tile ranks its
 * points in their order of acceptance; the compiled-in variants are ranked
 * again on one scale (hl-blue-noise-gen.c), so that a rank threshold stops
 * at the same dart radius in every variant (hl_blue_noise_radius_at()).
 *
 * The engine does not generate tiles at run time: a set of
 * HL_BLUE_NOISE_N_VARIANTS independent tiles is generated when the project
 * is built (hl-blue-noise-gen.c, deterministic) and compiled in; the
 * engine picks a variant, one of the eight symmetries of the square and a
 * toroidal shift per tile of the plane and makes the seams consistent
 * (hl-stippler.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  float x, y;     /* in [0, 1) */
  float rank;     /* in [0, 1), unique within a tile */
  float radius;   /* dart radius at acceptance, unit square */
} HlBlueNoisePoint;

typedef struct
{
  guint64           seed;
  guint             n_points;
  HlBlueNoisePoint *points;         /* in rank order */
  double            min_distance;   /* smallest toroidal distance, unit square */
} HlBlueNoise;

/* Points per compiled-in tile (about; each variant has its own count) and
 * number of variants. */
#define HL_BLUE_NOISE_TILE_POINTS 256
#define HL_BLUE_NOISE_N_VARIANTS  256

/* Generates a tile of about @target_points points for @seed (transfer
 * full, free with hl_blue_noise_free). Deterministic on every platform;
 * costs about 40 µs a point. */
HlBlueNoise            *hl_blue_noise_generate     (guint64      seed,
                                                    guint        target_points);
void                    hl_blue_noise_free         (HlBlueNoise *tile);

/* Compiled-in variant @index (< HL_BLUE_NOISE_N_VARIANTS): its points in
 * rank order (borrowed, static) and their count in @n_points. */
const HlBlueNoisePoint *hl_blue_noise_variant      (guint        index,
                                                    guint       *n_points);
/* Mean number of points of the compiled-in variants. */
double                  hl_blue_noise_variant_mean (void);
/* From this rank on, every point of every compiled-in variant was accepted
 * with the last step's radius. */
float                   hl_blue_noise_last_step_rank (void);
/* Dart radius, unit square, of the points of rank @rank in every
 * compiled-in variant (their ranks are on one scale: see
 * hl-blue-noise-gen.c). */
double                  hl_blue_noise_radius_at    (float        rank);
/* The rank a point of rank @rank takes when it must stand back until the
 * dart radius is at most @radius (unit square): its place within its own
 * step carried to the first step whose radius is at most @radius. 1 when
 * even the last step's radius is larger. */
float                   hl_blue_noise_defer_rank   (float        rank,
                                                    double       radius);
/* Dart radius of the last step, unit square, for the compiled-in size. */
double                  hl_blue_noise_final_radius (void);
/* Dart radius of the first step, unit square, for the compiled-in size. */
double                  hl_blue_noise_first_radius (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlBlueNoise, hl_blue_noise_free)

G_END_DECLS
