/* hl-geometry.h: points, rectangles and polygon measures in image pixels.
 *
 * Plain values and pure functions; nothing here allocates unless it says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
} HlPoint;

typedef struct
{
  double x0, y0;  /* inclusive minimum */
  double x1, y1;  /* maximum */
} HlRect;

/* TRUE when both coordinates are finite numbers. */
gboolean hl_point_is_finite       (HlPoint         p);
double   hl_point_distance        (HlPoint         a,
                                   HlPoint         b);

/* Bounding box of @n points; an empty rect (x0 > x1) when @n is 0. */
HlRect   hl_rect_from_points      (const HlPoint  *points,
                                   gsize           n);
/* Grows @r by @margin on every side (returns the new rect). */
HlRect   hl_rect_inflate          (HlRect          r,
                                   double          margin);
HlRect   hl_rect_union            (HlRect          a,
                                   HlRect          b);
/* The overlap of @a and @b (empty when they do not meet). */
HlRect   hl_rect_intersect        (HlRect          a,
                                   HlRect          b);
gboolean hl_rect_is_empty         (HlRect          r);
gboolean hl_rect_intersects       (HlRect          a,
                                   HlRect          b);
/* Whether @p lies in @r, edges included. Inline: the engine asks it for
 * every candidate point. */
static inline gboolean
hl_rect_contains (HlRect  r,
                  HlPoint p)
{
  return p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1;
}

/* Area of the closed polygon @points (shoelace formula, absolute value).
 * A self-intersecting polygon gets the net area of its loops. */
double   hl_polygon_area          (const HlPoint  *points,
                                   gsize           n);
/* Even-odd rule containment test. */
gboolean hl_polygon_contains      (const HlPoint  *points,
                                   gsize           n,
                                   HlPoint         p);
/* TRUE when the closed polygon @points has no two edges that cross or
 * touch, other than neighbours at their shared point (a figure eight, a
 * loop, an edge running back over another are not simple). Sorts the edges
 * by x, so typical outlines cost about O(n log n). */
gboolean hl_polygon_is_simple     (const HlPoint  *points,
                                   gsize           n);
/* The nearest point to @p on the closed polygon @points' edges. */
HlPoint  hl_polygon_nearest_point (const HlPoint  *points,
                                   gsize           n,
                                   HlPoint         p);
/* Length of the open polyline (closed: add the closing edge). */
double   hl_polyline_length       (const HlPoint  *points,
                                   gsize           n,
                                   gboolean        closed);
/* The points of the polyline @points (@n, open: its ends are kept) that
 * keep it within @tolerance of every point left out (Douglas and Peucker,
 * "Algorithms for the reduction of the number of points required to
 * represent a digitized line or its caricature", The Canadian
 * Cartographer 10 (2), 1973), and no new segment longer than @max_length
 * (0: any), in order, in a new array (transfer full, g_free); *@n_out:
 * how many. */
HlPoint *hl_polyline_simplify     (const HlPoint  *points,
                                   gsize           n,
                                   double          tolerance,
                                   double          max_length,
                                   gsize          *n_out);
/* Squared distance from @p to segment ab, and the segment parameter t in
 * [0, 1] of the nearest point (may be NULL). Inline: the engine's hairline
 * and outline queries call it millions of times. */
static inline double
hl_segment_distance2 (HlPoint  p,
                      HlPoint  a,
                      HlPoint  b,
                      double  *t)
{
  double dx = b.x - a.x;
  double dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double u = 0.0;
  double ex, ey;

  if (len2 > 0.0)
    {
      u = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
      u = CLAMP (u, 0.0, 1.0);
    }

  ex = a.x + u * dx - p.x;
  ey = a.y + u * dy - p.y;

  if (t != NULL)
    *t = u;

  return ex * ex + ey * ey;
}

G_END_DECLS
