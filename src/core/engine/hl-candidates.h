/* hl-candidates.h: the engine's ranked candidate points over the plane.
 *
 * The plane is cut into square tiles of a given side. Each tile shows one
 * of the compiled-in blue-noise variants (hl-blue-noise.h) under one of the
 * eight symmetries of the square and a toroidal shift, all three chosen by
 * a hash of the seed and the tile's coordinate, so no translation of the
 * plane repeats the pattern. Each tile also covers a thin band of its
 * neighbours; in those bands and near the tile borders the points of
 * neighbouring tiles are reconciled in rank order: a point that comes
 * within the dart radius of a kept point of another tile (the smaller of
 * their two radii) stands back to the rank whose radius no longer reaches
 * it and is tried again there, and is dropped only when even the last
 * radius reaches it. So every rank prefix keeps the spacing of a single
 * tile across the seams, the seams lose few points at any rank (every
 * prefix is about as dense there as inside a tile), and the bands are
 * filled from two tiles' worth of points.
 *
 * Any region can be computed alone: the points in a box depend only on
 * the tiles within one tile of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-geometry.h"

G_BEGIN_DECLS

typedef struct
{
  double  x, y;     /* world px */
  float   rank;     /* [0, 1) */
  guint32 id;       /* stable per point of the plane */
} HlCandidate;

/* The candidates inside @box for @seed with tiles of @tile_px world px,
 * in no particular order (transfer full, GArray of HlCandidate). NULL with
 * HL_ERROR_TOO_LARGE when the memory they need cannot be had. */
GArray *hl_candidates_in_box (guint64   seed,
                              double    tile_px,
                              HlRect    box,
                              GError  **error);

/* Points per unit of tile area, on average: a tile side of
 * sqrt (hl_candidates_per_tile () / density) gives that density. */
double  hl_candidates_per_tile (void);

G_END_DECLS
