/* hl-curve.h: an immutable, reference-counted smooth curve.
 *
 * A curve passes through its control points (centripetal Catmull-Rom, which
 * never forms cusps or loops within a segment). Open curves are hairlines;
 * closed curves are zone boundaries. The flattened polyline is computed once
 * at construction and shared by everyone who needs polygons (engine,
 * renderer, measures), so all of them see the same shape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-geometry.h"

G_BEGIN_DECLS

typedef struct _HlCurve HlCurve;

#define HL_CURVE_MAX_POINTS 4096

/* Copies @points (all finite). Returns a new curve (transfer full).
 * An open curve needs 2 points to have a length, a closed one 3 to have an
 * area; fewer are allowed and give degenerate, empty shapes. */
HlCurve       *hl_curve_new                (const HlPoint *points,
                                            guint          n_points,
                                            gboolean       closed);
/* The same, with a corner flag per point (@corners may be NULL: all
 * smooth). At a corner the curve turns sharply: the segments on both sides
 * leave it straight toward their other ends, so a closed curve of four
 * corners is a quadrilateral. */
HlCurve       *hl_curve_new_full           (const HlPoint  *points,
                                            const gboolean *corners,
                                            guint           n_points,
                                            gboolean        closed);
HlCurve       *hl_curve_ref                (HlCurve       *curve);
void           hl_curve_unref              (HlCurve       *curve);

guint          hl_curve_get_n_points       (const HlCurve *curve);
/* Borrowed; valid while @curve lives. */
const HlPoint *hl_curve_get_points         (const HlCurve *curve);
gboolean       hl_curve_is_closed          (const HlCurve *curve);
gboolean       hl_curve_is_corner          (const HlCurve *curve,
                                            guint          index);
/* TRUE when at least one point is a corner. */
gboolean       hl_curve_has_corners        (const HlCurve *curve);

/* The flattened polyline (borrowed; valid while @curve lives). For a closed
 * curve the first point is not repeated at the end. */
const HlPoint *hl_curve_get_polyline       (const HlCurve *curve,
                                            guint         *n_points);
/* Index range [*first, *last] of polyline points produced by the segments
 * that control point @index influences (what moves when it moves). */
void           hl_curve_get_affected_range (const HlCurve *curve,
                                            guint          index,
                                            guint         *first,
                                            guint         *last);
/* A new curve with control point @index moved to @p (transfer full). */
HlCurve       *hl_curve_with_point         (const HlCurve *curve,
                                            guint          index,
                                            HlPoint        p);

/* New curves (transfer full) with point @index made a corner or smooth;
 * with @p inserted before point @index (n_points appends; the new point is
 * smooth); without point @index. Other points keep their corner flags. */
HlCurve       *hl_curve_with_corner        (const HlCurve *curve,
                                            guint          index,
                                            gboolean       corner);
HlCurve       *hl_curve_with_inserted_point (const HlCurve *curve,
                                            guint          index,
                                            HlPoint        p);
HlCurve       *hl_curve_without_point      (const HlCurve *curve,
                                            guint          index);
/* The segment (from control point *@segment to the next) whose drawn
 * shape passes nearest @p within @radius, and the nearest point *@at on
 * it. FALSE when none is that close. Inserting at *@segment + 1 puts a
 * point there. */
gboolean       hl_curve_find_segment       (const HlCurve *curve,
                                            HlPoint        p,
                                            double         radius,
                                            guint         *segment,
                                            HlPoint       *at);

double         hl_curve_length             (const HlCurve *curve);
/* Area enclosed by a closed curve's polyline, 0 for an open one. */
double         hl_curve_area               (const HlCurve *curve);
HlRect         hl_curve_bounds             (const HlCurve *curve);
/* Same points, closure and corners. */
gboolean       hl_curve_equal              (const HlCurve *a,
                                            const HlCurve *b);
/* Same number of points with the same corner flags. */
gboolean       hl_curve_same_corners       (const HlCurve *a,
                                            const HlCurve *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlCurve, hl_curve_unref)

G_END_DECLS
