/* hl-blue-noise.h: a ranked, periodic blue-noise tile.
 *
 * A tile holds N points on the unit torus [0, 1)², each with a rank in
 * [0, 1). Every prefix "rank < t" is itself evenly spaced, so the engine
 * thins the tile by comparing a point's rank with the local density: a
 * density change, a session split or a moved hairline only re-filters.
 * Ranks come from dart throwing with a slowly shrinking radius (the order
 * of acceptance). Tiles are deterministic per seed and cached process-wide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  float x, y;     /* in [0, 1) */
  float rank;     /* in [0, 1), unique */
} HlBlueNoisePoint;

typedef struct _HlBlueNoise HlBlueNoise;

struct _HlBlueNoise
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  guint64           seed;
  guint             n_points;
  /* Points sorted by grid cell (row-major, grid × grid cells of the unit
   * square); cell c holds points[cell_start[c] .. cell_start[c + 1]). */
  guint             grid;
  guint            *cell_start;
  HlBlueNoisePoint *points;
  double            min_distance;   /* smallest toroidal distance, unit square */
};

/* The tile for @seed (transfer full: unref when done). Generated on first
 * use (tens of ms), then shared from a small cache. Thread-safe. */
HlBlueNoise *hl_blue_noise_get   (guint64      seed);
HlBlueNoise *hl_blue_noise_ref   (HlBlueNoise *tile);
void         hl_blue_noise_unref (HlBlueNoise *tile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlBlueNoise, hl_blue_noise_unref)

G_END_DECLS
