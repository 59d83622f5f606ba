/* hl-segment-index.h: nearest-segment and side queries on a polyline.
 *
 * A uniform grid over an area; each cell lists the segments within @reach
 * of it. Queries closer than @reach to the line are exact; farther points
 * only learn that they are far, and on which side. The side of far cells is
 * found by a flood fill through far cells, with one exact test per
 * connected region, so building costs O(cells + segments).
 *
 * Side convention: for a closed polyline, inside (even-odd) is positive.
 * For an open polyline, positive is the left of the walking direction in
 * image coordinates (y down): "above" for a line drawn from left to right.
 * The ends of an open polyline extend as straight rays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-geometry.h"

G_BEGIN_DECLS

typedef struct _HlSegmentIndex HlSegmentIndex;

/* Builds an index of the polyline @points (copied) over @area.
 * Returns a new index (transfer full, free with hl_segment_index_free). */
HlSegmentIndex *hl_segment_index_new      (const HlPoint        *points,
                                           guint                 n_points,
                                           gboolean              closed,
                                           double                reach,
                                           HlRect                area);
/* An open polyline's index whose grid covers only @grid (a small part of
 * @area, e.g. where a dragged line moved): every query gives the same
 * answer as from hl_segment_index_new (@points, @n_points, FALSE, @reach,
 * @area) (the end rays are extended for @area), but only queries inside
 * @grid are fast; outside it they scan every segment. Building costs
 * O(cells of @grid + segments).
 * Returns a new index (transfer full, free with hl_segment_index_free). */
HlSegmentIndex *hl_segment_index_new_local (const HlPoint        *points,
                                            guint                 n_points,
                                            double                reach,
                                            HlRect                area,
                                            HlRect                grid);
void            hl_segment_index_free     (HlSegmentIndex       *index);

/* Signed distance from @p to the polyline: positive on the positive side.
 * When |distance| > reach, returns ±G_MAXDOUBLE with the correct sign. */
double          hl_segment_index_signed_distance (const HlSegmentIndex *index,
                                                  HlPoint               p);
/* Like above, but exact at any distance (O(segments)); used for tests and
 * the side of far regions. */
double          hl_segment_index_signed_distance_exact (const HlSegmentIndex *index,
                                                        HlPoint               p);
double          hl_segment_index_get_reach (const HlSegmentIndex *index);
/* Whether @p lies on the negative side: hl_segment_index_signed_distance
 * (@index, @p) < 0.0, answered for a simple open line by counting its
 * crossings along a ray (a few segments) instead of finding the nearest
 * one. */
gboolean        hl_segment_index_in_front (const HlSegmentIndex *index,
                                           HlPoint               p);
/* TRUE when hl_segment_index_in_front() answers by counting crossings (a
 * simple open line whose end rays do not meet): then it costs a few
 * segments where hl_segment_index_signed_distance() costs a dozen, and
 * both name the same side. */
gboolean        hl_segment_index_sides_by_parity (const HlSegmentIndex *index);
/* TRUE for closed polylines, and for open ones whose line and end rays
 * do not cross (end rays may meet each other near the line). Far from a simple open line
 * the side changes only where the line passes; on a looping one (a
 * handle dragged past its neighbours) a moved piece can change the side of
 * far points elsewhere. */
gboolean        hl_segment_index_is_simple (const HlSegmentIndex *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlSegmentIndex, hl_segment_index_free)

G_END_DECLS
